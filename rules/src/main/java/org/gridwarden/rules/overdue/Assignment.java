package org.gridwarden.rules.overdue;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * The latest dispatch (派单) of a case and whether it has been signed for (签收).
 *
 * @param signForDueAt when SIGN_FOR_TIMEOUT becomes true if nobody signs
 * @param alerted whether SIGN_FOR_TIMEOUT has been raised for this dispatch
 */
@TypeInfo(WireRecord.class)
public record Assignment(
        String department, String eventId, Instant assignedAt, Instant signForDueAt, boolean accepted, boolean alerted) {

    Assignment signedFor() {
        return new Assignment(department, eventId, assignedAt, signForDueAt, true, alerted);
    }

    Assignment alertRaised() {
        return new Assignment(department, eventId, assignedAt, signForDueAt, accepted, true);
    }

    boolean awaitsSignature() {
        return !accepted && !alerted;
    }
}
