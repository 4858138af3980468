package org.gridwarden.testkit.generate;

import java.time.Instant;
import java.util.List;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;

/** A case's whole planned life, CREATED first, in event-time order; only the part up to the horizon gets written. */
record CasePlan(List<LedgerEvent> events, CaseOutcome outcome) {

    LedgerEvent created() {
        return events.get(0);
    }

    /** Times of its CLOSED events (more than one when it was reopened). */
    List<Instant> closings() {
        return events.stream().filter(e -> e.type() == LedgerEventType.CLOSED).map(LedgerEvent::at).toList();
    }

    /** The first CLOSED or CANCELLED: until then the case is open under any reading. */
    Instant firstEnd() {
        return events.stream().filter(e -> e.type() == LedgerEventType.CLOSED || e.type() == LedgerEventType.CANCELLED)
                .map(LedgerEvent::at).findFirst().orElseThrow();
    }

    boolean reopened() {
        return events.stream().anyMatch(e -> e.type() == LedgerEventType.REOPENED);
    }
}
