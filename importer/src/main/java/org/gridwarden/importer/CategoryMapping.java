package org.gridwarden.importer;

import java.util.Map;
import java.util.Optional;

/**
 * From an export's request types to category codes {@code <family>.<name>} (事项分类): through a table to an
 * existing taxonomy, and for the types the table does not name, when {@code passThroughFamily} is set, by
 * making a code of the type itself. The family is the text of the mapping's family column when it names one
 * (Boston's {@code reason}: {@code Street Lights} + {@code Street Light Outages} →
 * {@code street_lights.street_light_outages}), else the part before {@code familySeparator}
 * ({@code "SW-Dirty Alley"} → {@code sw.dirty_alley}); a type without either falls in {@code passThroughFamily}.
 *
 * @param table request type to category code, looked up trimmed and without regard to case
 * @param familySeparator null to put every passed-through type in {@code passThroughFamily}
 * @param passThroughFamily null when only the table counts
 */
public record CategoryMapping(Map<String, String> table, String familySeparator, String passThroughFamily) {

    /** The code shape of input contract v1. */
    public static final String CODE_PATTERN = "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$";

    /**
     * A category code and the export's own name of its family, for the reference data.
     *
     * @param familyName as the export writes it, e.g. {@code Street Lights}; null when the table gave the code
     */
    public record Code(String code, String familyName) {}

    public CategoryMapping {
        table = Tables.byKey(table);
    }

    /** The category code of a request type, or empty when the mapping has none for it. */
    public Optional<String> code(String requestType) {
        return code(requestType, null).map(Code::code);
    }

    /**
     * The category of a request type whose family column (if the mapping names one) says {@code family}.
     *
     * @param family null when the mapping names no family column
     */
    public Optional<Code> code(String requestType, String family) {
        String type = requestType == null ? "" : requestType.trim();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String mapped = table.get(Tables.key(type));
        if (mapped != null || passThroughFamily == null) {
            return Optional.ofNullable(mapped).map(code -> new Code(code, null));
        }
        String familyName;
        String name;
        if (family != null) {
            familyName = family.trim();
            name = type;
        } else {
            int split = familySeparator == null ? -1 : type.indexOf(familySeparator);
            familyName = split > 0 ? type.substring(0, split).trim() : "";
            name = split > 0 ? type.substring(split + familySeparator.length()) : type;
        }
        if (Slugs.codePart(familyName).isEmpty()) {
            familyName = passThroughFamily;
        }
        String codeName = Slugs.codePart(name);
        return codeName.isEmpty() ? Optional.empty()
                : Optional.of(new Code(Slugs.codePart(familyName) + "." + codeName, familyName));
    }
}
