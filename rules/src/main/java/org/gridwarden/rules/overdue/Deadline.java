package org.gridwarden.rules.overdue;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.wire.WireRecord;
import org.gridwarden.rules.time.ClockKind;

/**
 * One version of a case's deadline: created, extended (延期) or restarted by a reopen. Each level fires at
 * most once per version.
 *
 * @param start when this version's clock started (CREATED, EXTENDED or REOPENED)
 * @param clock calendar time for limits in hours, working time for limits in working days
 */
@TypeInfo(WireRecord.class)
public record Deadline(
        int version,
        Instant start,
        Instant warnAt,
        Instant dueAt,
        Instant escalateAt,
        ClockKind clock,
        boolean warned,
        boolean overdue,
        boolean escalated) {

    Instant timeOf(AlertLevel level) {
        return switch (level) {
            case WARNING -> warnAt;
            case OVERDUE -> dueAt;
            case ESCALATED -> escalateAt;
            default -> throw new IllegalArgumentException("no deadline level: " + level);
        };
    }

    boolean fired(AlertLevel level) {
        return switch (level) {
            case WARNING -> warned;
            case OVERDUE -> overdue;
            case ESCALATED -> escalated;
            default -> throw new IllegalArgumentException("no deadline level: " + level);
        };
    }

    Deadline markFired(AlertLevel level) {
        return new Deadline(version, start, warnAt, dueAt, escalateAt, clock,
                warned || level == AlertLevel.WARNING,
                overdue || level == AlertLevel.OVERDUE,
                escalated || level == AlertLevel.ESCALATED);
    }

    Deadline shifted(Instant newWarnAt, Instant newDueAt, Instant newEscalateAt) {
        return new Deadline(version, start, newWarnAt, newDueAt, newEscalateAt, clock, warned, overdue, escalated);
    }
}
