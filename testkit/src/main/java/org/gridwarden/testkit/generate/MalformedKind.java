package org.gridwarden.testkit.generate;

/** The ways a generated line is broken on purpose, so that the dead-letter path gets exercised. */
enum MalformedKind {
    /** Something else on the wire: an HTTP error page, a CSV export. */
    NOT_JSON,
    /** A record cut off in the middle. */
    TRUNCATED_JSON,
    /** A field the contract requires is absent. */
    MISSING_FIELD,
    /** A gridId the reference data does not know. */
    UNKNOWN_GRID,
    /** A category code that is not in the taxonomy. */
    UNKNOWN_CATEGORY,
    /** The event time cannot be parsed. */
    BAD_TIME
}
