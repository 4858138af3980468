package org.gridwarden.testkit.generate;

import java.time.Instant;

/**
 * What the overdue rule will make of one planned case, decided once the horizon is known.
 *
 * @param overdueAt when its OVERDUE alert fires if every planned event up to then is written; null if never
 * @param endedAt time of the case's last planned event, its final CLOSED or CANCELLED
 */
record CaseOutcome(String caseId, Instant createdAt, Instant overdueAt, Instant endedAt, boolean cancelled) {

    /** Whether the case is in the written streams at all. */
    boolean createdBy(Instant horizon) {
        return !createdAt.isAfter(horizon);
    }

    boolean overdueBy(Instant horizon) {
        return overdueAt != null && !overdueAt.isAfter(horizon);
    }

    boolean finishedBy(Instant horizon) {
        return !endedAt.isAfter(horizon);
    }

    /** Closed for good by the horizon without ever passing a deadline. */
    boolean closedOnTimeBy(Instant horizon) {
        return !cancelled && finishedBy(horizon) && !overdueBy(horizon);
    }
}
