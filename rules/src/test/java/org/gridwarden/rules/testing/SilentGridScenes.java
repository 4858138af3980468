package org.gridwarden.rules.testing;

import java.time.Duration;
import java.time.Instant;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.ingest.WallClock;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.ReportKind;

/** Factories for grid reports in silent-grid and watermark tests, and a wall clock moved by hand. */
public final class SilentGridScenes {

    /** A wall clock that moves only when told. */
    public static final class ManualClock implements WallClock {
        private long now;

        public ManualClock(Instant start) {
            now = start.toEpochMilli();
        }

        public void advance(Duration d) {
            now += d.toMillis();
        }

        @Override
        public long millis() {
            return now;
        }
    }

    private SilentGridScenes() {}

    public static RuleContext context() {
        return RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());
    }

    /** A "nothing found" patrol observed and uploaded at {@code at}. */
    public static GridReport patrol(String reportId, String gridId, Instant at) {
        return report(reportId, gridId, ReportKind.PATROL, at);
    }

    /** A report of any kind without category or building (a VISIT, say). */
    public static GridReport report(String reportId, String gridId, ReportKind kind, Instant at) {
        return new GridReport(reportId, gridId, "W-" + gridId, kind, null, null, null,
                kind == ReportKind.PATROL ? Boolean.FALSE : null, null, at, at, null);
    }

    public static Ingested ingestedPatrol(String reportId, String gridId, Instant at) {
        return Ingested.of(patrol(reportId, gridId, at),
                Origin.file("grid.reports", "grid-reports.jsonl", 1, "{\"reportId\": \"" + reportId + "\"}"));
    }
}
