package org.gridwarden.importer;

/** What became of one row of an export: a case, or a rejection with its reason. */
public sealed interface RowResult permits LedgerCase, RowResult.Rejected {

    /** A row that did not become a case; {@code detail} names the column and the value. */
    record Rejected(ImportReason reason, String detail) implements RowResult {}
}
