package org.gridwarden.rules.model;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.LedgerEventSerializer;

/**
 * One step in a case's life in the service ledger (服务台账), input contract v1 on {@code ledger.events}.
 * Fields beyond the common ones are only set for the types that carry them (see DESIGN §4).
 */
@TypeInfo(LedgerEventSerializer.Factory.class)
public record LedgerEvent(
        String eventId,
        String caseId,
        LedgerEventType type,
        Instant at,
        Channel channel,
        String category,
        String gridId,
        String buildingId,
        String address,
        String complainantId,
        Priority priority,
        Instant dueAt,
        String sourceReportId,
        String department,
        String resolution,
        Integer satisfaction,
        Boolean noDeadline) {

    /** An event without {@code noDeadline}, as every source but an import of a ledger export writes it. */
    public LedgerEvent(String eventId, String caseId, LedgerEventType type, Instant at, Channel channel,
            String category, String gridId, String buildingId, String address, String complainantId,
            Priority priority, Instant dueAt, String sourceReportId, String department, String resolution,
            Integer satisfaction) {
        this(eventId, caseId, type, at, channel, category, gridId, buildingId, address, complainantId, priority, dueAt,
                sourceReportId, department, resolution, satisfaction, null);
    }

    /**
     * CREATED with {@code noDeadline: true}: the source promised no deadline and none is to be made up from the
     * rule set's time limits, so the case raises no deadline alert (临期, 超期, 升级督办).
     */
    public boolean withoutDeadline() {
        return Boolean.TRUE.equals(noDeadline);
    }

    public Instant eventTime() {
        return at;
    }
}
