package org.gridwarden.rules.complaint;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * A case seen from one of its subjects: a complaint (its CREATED event) or a closure (its CLOSED event, with
 * the department that closed it). The case's grid and category travel along for the alert. A complaint
 * crosses to its subject once, with what it counts for.
 *
 * @param eventId the CREATED event's id for a complaint, the CLOSED event's id for a closure
 * @param department the closing department for a closure, null for a complaint
 * @param countsForRepeats a complaint that 重复投诉 counts (from a channel of the entry in force for it)
 * @param countsForClosures a closure, or a complaint that 案结事不了 pairs with closures (from a channel of
 *     its entry, and the case's first CREATED)
 */
@TypeInfo(WireRecord.class)
public record CaseFact(
        Kind kind, String subjectKey, String caseId, String eventId, Instant at, String gridId, String category,
        String department, boolean countsForRepeats, boolean countsForClosures) {

    public enum Kind {
        COMPLAINT,
        CLOSURE
    }

    public static CaseFact closure(String subjectKey, String caseId, String eventId, Instant at, String gridId,
            String category, String department) {
        return new CaseFact(Kind.CLOSURE, subjectKey, caseId, eventId, at, gridId, category, department, false,
                true);
    }

    /** Its id among the facts of its subject. */
    public String factId() {
        return kind + ":" + eventId;
    }
}
