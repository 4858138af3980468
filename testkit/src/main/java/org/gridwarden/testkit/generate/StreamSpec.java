package org.gridwarden.testkit.generate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.ReportKind;

/**
 * One input stream of contract v1 as a file: its name, the id that makes records duplicates, the event-time
 * field, the fields every record needs, and the kinds it is counted by.
 */
record StreamSpec<T>(
        String fileName,
        String idField,
        String timeField,
        List<String> requiredFields,
        List<String> kinds,
        Function<T, Instant> time,
        Function<T, String> kind) {

    static final StreamSpec<GridReport> REPORTS = new StreamSpec<>("grid-reports.jsonl", "reportId", "observedAt",
            List.of("reportId", "gridId", "workerId", "kind", "observedAt"),
            Arrays.stream(ReportKind.values()).map(Enum::name).toList(),
            GridReport::observedAt, r -> r.kind().name());

    static final StreamSpec<LedgerEvent> LEDGER = new StreamSpec<>("ledger-events.jsonl", "eventId", "at",
            List.of("eventId", "caseId", "type", "at"),
            Arrays.stream(LedgerEventType.values()).map(Enum::name).toList(),
            LedgerEvent::at, e -> e.type().name());
}
