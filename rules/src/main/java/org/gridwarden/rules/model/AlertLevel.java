package org.gridwarden.rules.model;

/** How loud an alert is; the order is the escalation order. */
public enum AlertLevel {
    /** 临期: part of the time limit is used up. */
    WARNING(2),
    /** 超期: the deadline has passed. */
    OVERDUE(3),
    /** 升级督办: still open a further period after the deadline; goes to the next tier. */
    ESCALATED(4),
    /** 预警: a pattern that needs action (a hazard that bypassed the grid, a hazard never filed). */
    ALERT(3),
    /** 紧急: an early sign of a collective incident. */
    CRITICAL(4);

    private final int severity;

    AlertLevel(int severity) {
        this.severity = severity;
    }

    /** 1 (minor) to 4 (critical). */
    public int severity() {
        return severity;
    }
}
