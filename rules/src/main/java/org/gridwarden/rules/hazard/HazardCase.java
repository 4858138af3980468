package org.gridwarden.rules.hazard;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * A ledger case of a hazard category on a building, as far as it is known: open from {@code createdAt} until
 * {@code endedAt} (its CLOSED or CANCELLED), or still open when {@code endedAt} is null.
 *
 * @param eventId the CREATED event's id, the evidence
 */
@TypeInfo(WireRecord.class)
public record HazardCase(
        String caseId,
        String eventId,
        String category,
        Channel channel,
        String gridId,
        String buildingId,
        Instant createdAt,
        Instant endedAt) {

    public HazardCase endedAt(Instant at) {
        return new HazardCase(caseId, eventId, category, channel, gridId, buildingId, createdAt, at);
    }

    /** Open at {@code t}: created at or before it and not closed or cancelled by then. */
    public boolean isOpenAt(Instant t) {
        return !createdAt.isAfter(t) && (endedAt == null || endedAt.isAfter(t));
    }
}
