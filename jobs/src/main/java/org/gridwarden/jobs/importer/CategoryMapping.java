package org.gridwarden.jobs.importer;

import java.util.Map;
import java.util.Optional;

/**
 * From an export's request types to category codes {@code <family>.<name>} (事项分类): through a table to an
 * existing taxonomy, and for the types the table does not name, when {@code passThroughFamily} is set, by
 * making a code of the type itself: the part before {@code familySeparator} is the family, the rest the
 * name ({@code "SW-Dirty Alley"} → {@code sw.dirty_alley}); a type without the separator falls in
 * {@code passThroughFamily}.
 *
 * @param table request type (trimmed, as written) to category code; empty when there is none
 * @param familySeparator null to put every passed-through type in {@code passThroughFamily}
 * @param passThroughFamily null when only the table counts
 */
public record CategoryMapping(Map<String, String> table, String familySeparator, String passThroughFamily) {

    /** The code shape of input contract v1. */
    public static final String CODE_PATTERN = "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$";

    public CategoryMapping {
        table = Map.copyOf(table);
    }

    /** The category code of a request type, or empty when the mapping has none for it. */
    public Optional<String> code(String requestType) {
        String type = requestType == null ? "" : requestType.trim();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String mapped = table.get(type);
        if (mapped != null || passThroughFamily == null) {
            return Optional.ofNullable(mapped);
        }
        int split = familySeparator == null ? -1 : type.indexOf(familySeparator);
        String family = split > 0 ? Slugs.codePart(type.substring(0, split)) : "";
        String name = Slugs.codePart(split > 0 ? type.substring(split + familySeparator.length()) : type);
        if (family.isEmpty()) {
            family = Slugs.codePart(passThroughFamily);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(family + "." + name);
    }
}
