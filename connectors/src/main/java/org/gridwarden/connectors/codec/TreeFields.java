package org.gridwarden.connectors.codec;

import static org.gridwarden.rules.model.DeadLetter.INVALID_VALUE;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a record read as a JSON tree: every value of the wrong type is named in a {@link BadField}. */
record TreeFields(JsonNode node) implements ContractFields {

    @Override
    public String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new BadField(INVALID_VALUE, "field '" + field + "': expected a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    @Override
    public Integer integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw new BadField(INVALID_VALUE, "field '" + field + "': expected a whole number, got " + v);
        }
        return v.intValue();
    }

    @Override
    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new BadField(INVALID_VALUE, "field '" + field + "': expected true or false, got " + v);
        }
        return v.booleanValue();
    }
}
