package org.gridwarden.rules.overdue;

/** Where a case's clock stands. */
public enum CaseStatus {
    /** No CREATED seen yet; later events are remembered so that CREATED finds them. */
    NOT_CREATED,
    /** The clock runs toward the deadline. */
    RUNNING,
    /** 挂起: the clock is paused. */
    SUSPENDED,
    /** Replied, closed or cancelled: no deadline applies until REOPENED. */
    STOPPED
}
