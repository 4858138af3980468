package org.gridwarden.importer;

import java.util.Map;
import java.util.Optional;

/**
 * From an export's agencies to department ids (责任单位): through a table to existing departments, and when
 * {@code passThrough}, by making an id of the agency's name ({@code "Solid Waste"} → {@code solid-waste}).
 *
 * @param table agency to department id, looked up trimmed and without regard to case
 */
public record DepartmentMapping(Map<String, String> table, boolean passThrough) {

    public DepartmentMapping {
        table = Tables.byKey(table);
    }

    public Optional<String> department(String agency) {
        String name = agency == null ? "" : agency.trim();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String mapped = table.get(Tables.key(name));
        if (mapped != null || !passThrough) {
            return Optional.ofNullable(mapped);
        }
        String id = Slugs.id(name);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}
