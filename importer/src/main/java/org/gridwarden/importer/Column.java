package org.gridwarden.importer;

/**
 * A CSV column the mapping names.
 *
 * @param name the column's header text
 * @param where where the mapping names it, {@code FILE:LINE:COLUMN: columns.caseId}, for messages about it
 */
public record Column(String name, String where) {}
