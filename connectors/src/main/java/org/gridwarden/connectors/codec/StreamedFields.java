package org.gridwarden.connectors.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract's fields of one record, read by a streaming parse (no tree) into one slot per field. Only a
 * plain record is read this way: one JSON object whose contract fields each hold a value of their own type
 * (a string, a whole number of int range, true or false) or null. Anything else, valid or not, is left to
 * {@link TreeFields}, which gives every dead letter its exact reason and detail.
 */
final class StreamedFields implements ContractFields {

    private static final String[] NAMES = {"reportId", "gridId", "workerId", "kind", "category", "severity",
        "buildingId", "hazardFound", "caseId", "observedAt", "reportedAt", "note", "eventId", "type", "at", "channel",
        "address", "complainantId", "priority", "dueAt", "sourceReportId", "department", "resolution",
        "satisfaction", "noDeadline"};
    private static final Map<String, Integer> SLOT = new HashMap<>();
    /** Per slot, the JSON type its value must have; decided once, not per record. */
    private static final boolean[] NUMBER = new boolean[NAMES.length];
    private static final boolean[] FLAG = new boolean[NAMES.length];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            SLOT.put(NAMES[i], i);
            NUMBER[i] = NAMES[i].equals("severity") || NAMES[i].equals("satisfaction");
            FLAG[i] = NAMES[i].equals("hazardFound") || NAMES[i].equals("noDeadline");
        }
    }

    private final Object[] values = new Object[NAMES.length];

    private StreamedFields() {}

    /** The fields of a plain record, or null if the record is not plain (or not JSON at all). */
    static StreamedFields readPlain(JsonFactory json, String text) {
        StreamedFields fields = new StreamedFields();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                Integer slot = SLOT.get(p.currentName());
                JsonToken value = p.nextToken();
                if (slot == null) {
                    p.skipChildren();
                } else if (!fields.take(slot, value, p)) {
                    return null;
                }
            }
            // a tree read stops after the first value too, but whatever follows is left to it to judge
            return p.nextToken() == null ? fields : null;
        } catch (IOException | RuntimeException notPlain) {
            return null;
        }
    }

    private boolean take(int slot, JsonToken value, JsonParser p) throws IOException {
        boolean number = NUMBER[slot];
        boolean flag = FLAG[slot];
        if (value == JsonToken.VALUE_NULL) {
            values[slot] = null;
        } else if (number && value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            values[slot] = p.getIntValue();
        } else if (flag && (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)) {
            values[slot] = value == JsonToken.VALUE_TRUE;
        } else if (!number && !flag && value == JsonToken.VALUE_STRING) {
            values[slot] = p.getText();
        } else {
            return false;
        }
        return true;
    }

    @Override
    public String text(String field) {
        return (String) values[SLOT.get(field)];
    }

    @Override
    public Integer integer(String field) {
        return (Integer) values[SLOT.get(field)];
    }

    @Override
    public Boolean bool(String field) {
        return (Boolean) values[SLOT.get(field)];
    }
}
