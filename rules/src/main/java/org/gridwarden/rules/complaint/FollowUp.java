package org.gridwarden.rules.complaint;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/** A complaint that came within the window after a closure on the same subject (案结事不了 candidate). */
@TypeInfo(WireRecord.class)
public record FollowUp(CaseFact closure, CaseFact complaint) {

    public String closedEventId() {
        return closure.eventId();
    }
}
