package org.gridwarden.rules.overdue;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * Everything the overdue rule keeps per case (keyed state).
 *
 * @param caseInfo null until CREATED has been seen
 * @param assignment the latest dispatch, or null
 * @param deadline the current deadline version, or null while none applies
 * @param suspendedAt when the clock was paused, while SUSPENDED
 * @param evidence ids of the case's events so far, in event-time order
 * @param lastEventAt event time of the latest event, the base of the clean-up timer
 * @param wakeTimer the event-time timer registered for the next deadline action, or null
 * @param cleanupTimer the event-time timer that forgets the case, or null
 */
@TypeInfo(WireRecord.class)
public record CaseState(
        Case caseInfo,
        Assignment assignment,
        Deadline deadline,
        CaseStatus status,
        Instant suspendedAt,
        List<String> evidence,
        Instant lastEventAt,
        Long wakeTimer,
        Long cleanupTimer) {

    static CaseState empty() {
        return new CaseState(null, null, null, CaseStatus.NOT_CREATED, null, List.of(), null, null, null);
    }

    CaseState with(Case c, Assignment a, Deadline d, CaseStatus s, Instant suspended) {
        return new CaseState(c, a, d, s, suspended, evidence, lastEventAt, wakeTimer, cleanupTimer);
    }

    CaseState withDeadline(Deadline d) {
        return with(caseInfo, assignment, d, status, suspendedAt);
    }

    CaseState withAssignment(Assignment a) {
        return with(caseInfo, a, deadline, status, suspendedAt);
    }

    CaseState withEvent(String eventId, Instant at, int maxEvidence) {
        List<String> ids = evidence;
        if (ids.size() < maxEvidence) {
            ids = new java.util.ArrayList<>(evidence);
            ids.add(eventId);
        }
        return new CaseState(caseInfo, assignment, deadline, status, suspendedAt, ids, at, wakeTimer, cleanupTimer);
    }

    CaseState withTimers(Long wake, Long cleanup) {
        return new CaseState(caseInfo, assignment, deadline, status, suspendedAt, evidence, lastEventAt, wake, cleanup);
    }
}
