package org.gridwarden.rules.model;

import java.time.Instant;

/**
 * One step in a case's life in the service ledger (服务台账), input contract v1 on {@code ledger.events}.
 * Fields beyond the common ones are only set for the types that carry them (see DESIGN §4).
 */
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
        Integer satisfaction) {

    public Instant eventTime() {
        return at;
    }
}
