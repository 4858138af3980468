package org.gridwarden.rules.testing;

import java.time.Duration;
import java.time.Instant;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.ReportKind;

/** Factories for grid reports in silent-grid and watermark tests, and a wall clock moved by hand. */
public final class SilentGridScenes {

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
}
