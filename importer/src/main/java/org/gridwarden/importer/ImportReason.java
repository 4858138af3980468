package org.gridwarden.importer;

/** Why a row of an export did not become a case (导入死信原因); stable codes in {@code import-dlq.jsonl}. */
public enum ImportReason {
    /** The row has more or fewer values than the header has columns. */
    MALFORMED_ROW,
    /** The case id is blank. */
    NO_CASE_ID,
    /** The case id was on an earlier line already, imported or not: one row per case. */
    REPEATED_CASE_ID,
    /** The status is listed under none of closed, duplicate and open in the mapping. */
    UNKNOWN_STATUS,
    /** The city marked the request as a duplicate of another; the original is the case. */
    DUPLICATE,
    /** The creation time is blank. */
    NO_CREATED_TIME,
    /** A time is not written in the mapping's format. */
    BAD_TIME,
    /** The due time is at or before the creation time: no promise either (the contract requires dueAt after at). */
    DUE_NOT_AFTER_CREATED,
    /** The status says closed but the close time is blank. */
    NO_CLOSE_TIME,
    /** The close time is before the creation time; which of the two is wrong cannot be told. */
    CLOSED_BEFORE_CREATED,
    /** The category is blank, or neither in the mapping's table nor passed through. */
    UNKNOWN_CATEGORY,
    /** The channel is blank, or in neither the mapping's table nor its {@code otherwise}. */
    UNKNOWN_CHANNEL,
    /** The department is blank, or not in the mapping's table when departments are not passed through. */
    UNKNOWN_DEPARTMENT,
    /** The area is blank and the mapping gives no {@code whenBlank}. */
    NO_AREA
}
