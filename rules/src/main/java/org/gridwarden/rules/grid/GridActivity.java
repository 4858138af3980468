package org.gridwarden.rules.grid;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * What the silent-grid rule needs of one input record: its event time (every record counts towards the
 * stream's start) and, for a PATROL report, the grid and the report id (null for anything else).
 */
@TypeInfo(WireRecord.class)
public record GridActivity(String gridId, String reportId, Instant at) {

    public static GridActivity ofReport(GridReport r) {
        return r.kind() == ReportKind.PATROL
                ? new GridActivity(r.gridId(), r.reportId(), r.observedAt())
                : new GridActivity(null, null, r.observedAt());
    }

    public static GridActivity ofLedgerEvent(LedgerEvent e) {
        return new GridActivity(null, null, e.at());
    }

    public boolean isPatrol() {
        return reportId != null;
    }
}
