package org.gridwarden.rules.model;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.GridReportSerializer;

/**
 * A grid worker's report from the patrol app (网格员上报), input contract v1 on {@code grid.reports}.
 *
 * @param severity 1 (minor) to 4 (critical), may be null
 * @param hazardFound on PATROL: whether the patrol found a hazard, may be null
 * @param caseId the ledger case opened for this report, when known
 */
@TypeInfo(GridReportSerializer.Factory.class)
public record GridReport(
        String reportId,
        String gridId,
        String workerId,
        ReportKind kind,
        String category,
        Integer severity,
        String buildingId,
        Boolean hazardFound,
        String caseId,
        Instant observedAt,
        Instant reportedAt,
        String note) {

    /**
     * The report without its note: the duplicate check compares the note, no rule reads it, so after that check
     * it need not cross another shuffle.
     */
    public GridReport withoutNote() {
        return note == null ? this : new GridReport(reportId, gridId, workerId, kind, category, severity, buildingId,
                hazardFound, caseId, observedAt, reportedAt, null);
    }

    /** Event time of a report is when the worker observed it, not when the phone uploaded it. */
    public Instant eventTime() {
        return observedAt;
    }
}
