package org.gridwarden.rules.testing;

import java.time.Instant;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;

/**
 * Factories for the hazard rules' tests: grid reports and ledger events with building, channel and source
 * report. Ledger event ids are {@code <case>-<suffix>}; report ids are given.
 */
public final class HazardInputs {

    /** A grid of street S01 (东湖街道, office street-donghu), worker W0001. */
    public static final String GRID = "S01C01G01";
    public static final String BUILDING = "S01C01G01-B03";

    private HazardInputs() {}

    public static GridReport hazardReport(String reportId, Instant at, String category, String buildingId) {
        return hazardReport(reportId, GRID, at, category, buildingId);
    }

    public static GridReport hazardReport(String reportId, String gridId, Instant at, String category,
            String buildingId) {
        return new GridReport(reportId, gridId, "W0001", ReportKind.HAZARD, category, 2,
                buildingId, null, null, at, at, null);
    }

    public static GridReport patrol(String reportId, Instant at, String buildingId, boolean hazardFound) {
        return new GridReport(reportId, GRID, "W0001", ReportKind.PATROL, null, null,
                buildingId, hazardFound, null, at, at, null);
    }

    public static LedgerEvent created(String caseId, Instant at, Channel channel, String category, String buildingId) {
        return created(caseId, GRID, at, channel, category, buildingId, null);
    }

    public static LedgerEvent created(String caseId, String gridId, Instant at, Channel channel, String category,
            String buildingId, String sourceReportId) {
        return new LedgerEvent(caseId + "-created", caseId, LedgerEventType.CREATED, at, channel, category, gridId,
                buildingId, null, "P-" + caseId, Priority.NORMAL, null, sourceReportId, null, null, null);
    }

    public static LedgerEvent closed(String caseId, Instant at) {
        return Ledger.closed(caseId, at);
    }

    public static LedgerEvent cancelled(String caseId, Instant at) {
        return Ledger.event(caseId, LedgerEventType.CANCELLED, at);
    }
}
