package org.gridwarden.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gridwarden.rules.model.Alert;

/**
 * Every figure of the daily report (运行日报) for one day in the district's time zone, computed from alert
 * files; the HTML page and its Markdown twin only render it.
 *
 * @param ruleSetVersions the rule-set versions the day's alerts were decided under
 * @param source what was read, so a reader can tell a quiet day from missing history
 * @param notices warnings above every figure: the day's input missing or empty, the day without any alert
 * @param total all alerts of the day, with the trend
 * @param byRule totals by rule, most alerts on the day first, ties by name (also for level and department)
 * @param openCases the day's overdue and escalated cases, escalated first
 * @param overdueRates departments with time-limit alerts on the day, highest rate first
 * @param topGrids at most 10 grids, highest risk score first
 * @param topStreets at most 10 streets, highest risk score first
 * @param hotspots at most 10 repeat-complaint subjects, most alerts on the day first
 * @param silentGrids the day's SILENT_GRID alerts, in time order
 * @param unreportedHazards the day's HAZARD_NOT_REPORTED_BY_GRID, PATROL_MISSED_HAZARD and HAZARD_NOT_FILED
 *     alerts, in time order
 */
public record DailyFigures(
        String district,
        LocalDate day,
        ZoneId zone,
        List<String> ruleSetVersions,
        Source source,
        List<Notice> notices,
        Trend total,
        List<TotalRow> byRule,
        List<TotalRow> byLevel,
        List<TotalRow> byDepartment,
        List<OpenCase> openCases,
        List<OverdueRate> overdueRates,
        List<RiskRow> topGrids,
        List<RiskRow> topStreets,
        List<Hotspot> hotspots,
        List<Alert> silentGrids,
        List<Alert> unreportedHazards) {

    /**
     * The alerts read: how many, and the first and last day (district time) they fall on; both null when there
     * were none.
     */
    public record Source(int alerts, LocalDate firstDay, LocalDate lastDay) {

        /** Whether some of the 7 days before {@code day} lie before the first alert, so they count 0 perhaps wrongly. */
        public boolean startsWithinWeekBefore(LocalDate day) {
            return firstDay == null || firstDay.isAfter(day.minusDays(Trend.PREVIOUS_DAYS));
        }
    }
}
