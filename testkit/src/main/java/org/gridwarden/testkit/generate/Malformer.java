package org.gridwarden.testkit.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gridwarden.connectors.codec.ContractJson;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * Breaks a copy of a good line in one of the ways real input breaks ({@link MalformedKind}). A broken copy
 * that is still JSON gets an id of its own, so it can never be taken for the good record or a duplicate of it.
 */
final class Malformer {

    /** A broken line and how it is broken. */
    record Malformed(MalformedKind kind, String line) {}

    private static final String ERROR_PAGE =
            "<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>";

    private final ReferenceData reference;
    private final ContractJson json;
    private final Dice dice;

    Malformer(ReferenceData reference, ContractJson json, Dice dice) {
        this.reference = reference;
        this.json = json;
        this.dice = dice;
    }

    Malformed corrupt(String line, StreamSpec<?> spec) throws IOException {
        ObjectNode record = json.tree(line);
        List<MalformedKind> kinds = new ArrayList<>();
        for (MalformedKind kind : MalformedKind.values()) {
            if (appliesTo(kind, record)) {
                kinds.add(kind);
            }
        }
        MalformedKind kind = dice.pick(kinds);
        return new Malformed(kind, switch (kind) {
            case NOT_JSON -> dice.chance(0.5) ? ERROR_PAGE : csv(record);
            case TRUNCATED_JSON -> line.substring(0, (int) (line.length() * dice.uniform(0.3, 0.8)));
            default -> json.write(broken(kind, record.deepCopy(), spec));
        });
    }

    private static boolean appliesTo(MalformedKind kind, ObjectNode record) {
        return switch (kind) {
            case UNKNOWN_GRID -> record.has("gridId");
            case UNKNOWN_CATEGORY -> record.has("category");
            default -> true;
        };
    }

    private ObjectNode broken(MalformedKind kind, ObjectNode copy, StreamSpec<?> spec) {
        copy.put(spec.idField(), copy.get(spec.idField()).asText() + "-X");
        switch (kind) {
            case MISSING_FIELD -> copy.remove(dice.pick(spec.requiredFields()));
            case UNKNOWN_GRID -> copy.put("gridId", unknown(copy.get("gridId").asText(), "99",
                    id -> reference.grid(id).isPresent()));
            case UNKNOWN_CATEGORY -> copy.put("category", unknown(copy.get("category").asText(), "_old",
                    code -> reference.category(code).isPresent()));
            case BAD_TIME -> copy.put(spec.timeField(), misformatted(copy.get(spec.timeField()).asText()));
            default -> throw new IllegalArgumentException(kind + " is not a change to a JSON record");
        }
        return copy;
    }

    /** A plausible typo or outdated code that the reference data does not know. */
    private static String unknown(String known, String suffix, Predicate<String> exists) {
        String candidate = known + suffix;
        while (exists.test(candidate)) {
            candidate += suffix;
        }
        return candidate;
    }

    /** The same time as other systems write it, e.g. 2026/11/20 09:30:00 or 2026年11月20日 09:30. */
    private String misformatted(String isoTime) {
        String date = isoTime.substring(0, 10);
        String time = isoTime.substring(11, 19);
        if (dice.chance(0.5)) {
            return date.replace('-', '/') + " " + time;
        }
        return date.substring(0, 4) + "年" + date.substring(5, 7) + "月" + date.substring(8) + "日 "
                + time.substring(0, 5);
    }

    /** The record's values as a CSV export would write them. */
    private static String csv(ObjectNode record) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : record) {
            values.add(value.asText());
        }
        return String.join(",", values);
    }
}
