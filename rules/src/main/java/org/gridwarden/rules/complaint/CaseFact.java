package org.gridwarden.rules.complaint;

import java.time.Instant;

/**
 * A case seen from one of its subjects: a complaint (its CREATED event) or a closure (its CLOSED event, with
 * the department that closed it). The case's grid and category travel along for the alert.
 *
 * @param eventId the CREATED event's id for a complaint, the CLOSED event's id for a closure
 * @param department the closing department for a closure, null for a complaint
 */
public record CaseFact(
        Kind kind, String subjectKey, String caseId, String eventId, Instant at, String gridId, String category,
        String department) {

    public enum Kind {
        COMPLAINT,
        CLOSURE
    }
}
