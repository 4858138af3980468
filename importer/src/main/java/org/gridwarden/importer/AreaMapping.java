package org.gridwarden.importer;

import java.util.Optional;

/**
 * From an export's area column to grids (网格): each area is one grid, its id made of its name
 * ({@code "Belair-Edison"} → {@code belair-edison}).
 *
 * @param whenBlank the area of a row that names none, a grid of its own; null to dead-letter such rows
 */
public record AreaMapping(String whenBlank) {

    public Optional<Named> grid(String area) {
        String name = area == null || area.isBlank() ? whenBlank : area.trim();
        if (name == null) {
            return Optional.empty();
        }
        String id = Slugs.id(name);
        return id.isEmpty() ? Optional.empty() : Optional.of(new Named(id, name));
    }
}
