package org.gridwarden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.report.DailyReport;
import org.gridwarden.report.DayInput;
import org.gridwarden.report.ReportTables.Row;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader of one day's report must not miss: a day without data says so instead of showing a quiet day,
 * the day's overdue and escalated cases are listed, tables lead with the largest counts, and a change against a
 * small average is not blown up into a percentage.
 */
class DailyReportDayTest {

    private static final ReferenceData REFERENCE = Fixtures.reference();
    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AlertCodec CODEC = new AlertCodec();

    @TempDir
    Path dir;

    private static List<Alert> week() throws Exception {
        return Files.readAllLines(WEEK).stream().filter(l -> !l.isBlank()).map(CODEC::decodeAlert).toList();
    }

    private DailyReport.Written report(List<Alert> alerts, String day, Optional<DayInput> input) {
        return DailyReport.writeFrom(alerts, LocalDate.parse(day), dir.resolve("out"), REFERENCE, input);
    }

    private static String md(DailyReport.Written w) throws Exception {
        return Files.readString(w.markdown());
    }

    @Test
    void aDayWithoutAnyAlert_betweenDaysWithAlerts_isWarnedAbout_notShownAsAQuietDay() throws Exception {
        List<Alert> alerts = List.of(silentGrid("a", "2026-11-17T02:00:00Z"), silentGrid("b", "2026-11-19T02:00:00Z"));
        DailyReport.Written w = report(alerts, "2026-11-18", Optional.empty());
        assertTrue(md(w).contains("> **当日没有任何告警：请确认当日的输入数据已归档并已回放，0 可能意味着数据缺失。** No alert at"
                + " all on the day"), md(w));
        assertTrue(Files.readString(w.html()).contains("<p class=\"warn\" data-notice>当日没有任何告警"));

        DailyReport.Written withAlerts = report(alerts, "2026-11-19", Optional.empty());
        assertFalse(md(withAlerts).contains("当日没有任何告警"), md(withAlerts));
    }

    @Test
    void aDayAfterTheLastAlert_saysItsZerosMeanNoData() throws Exception {
        DailyReport.Written w = report(week(), "2026-12-01", Optional.empty());
        assertTrue(md(w).contains("统计日不在告警文件的时间范围内（2026-11-16 至 2026-11-20）：当日的 0 不是无告警，而是没有数据。"),
                md(w));
    }

    @Test
    void aDayOfAnArchiveWhoseFilesAreEmpty_isReportedAsMissingData() throws Exception {
        Path archive = dir.resolve("archive");
        Path empty = Files.createDirectories(archive.resolve("2026-11-19"));
        Files.writeString(empty.resolve("grid-reports.jsonl"), "");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(empty.resolve("ledger-events.jsonl.gz")))) {
            gz.write("\n".getBytes());
        }
        Path full = Files.createDirectories(archive.resolve("2026-11-18"));
        Files.writeString(full.resolve("grid-reports.jsonl"), "{\"reportId\":\"R1\"}\n");
        Files.writeString(full.resolve("ledger-events.jsonl"), "");

        assertEquals(Optional.of(new DayInput(LocalDate.parse("2026-11-19"), 2, 0)),
                DayInput.ofArchive(archive, LocalDate.parse("2026-11-19")));
        DailyReport.Written w = report(week(), "2026-11-19", DayInput.ofArchive(archive, LocalDate.parse("2026-11-19")));
        assertTrue(md(w).contains("> **归档中 2026-11-19 的 2 个输入文件均为空（0 条记录）：当日数据缺失"), md(w));
        assertTrue(Files.readString(w.html()).contains("<p class=\"warn\" data-notice>归档中 2026-11-19 的 2 个输入文件均为空"));

        DailyReport.Written withRecords = report(week(), "2026-11-18",
                DayInput.ofArchive(archive, LocalDate.parse("2026-11-18")));
        assertFalse(md(withRecords).contains("归档中"), md(withRecords));
        assertEquals(Optional.empty(), DayInput.ofArchive(archive, LocalDate.parse("2026-11-20")), "no such day");
    }

    @Test
    void theDaysOverdueAndEscalatedCases_areListed_escalatedFirst() throws Exception {
        DailyReport.Written w = report(week(), "2026-11-20", Optional.empty());
        List<Row> rows = ReportTables.markdown(md(w)).get("当日超期、升级督办案件 Overdue and escalated cases");
        assertEquals(List.of(
                List.of("`K-005`", "治安隐患", "区委区政府督查室 `supervision-office`", "湖滨社区第1网格（东湖街道）", "11-18 12:00",
                        "升级督办 Escalated `ESCALATED`"),
                List.of("`K-007`", "露天焚烧", "北苑街道办事处 `street-beiyuan`", "北辰社区第1网格（北苑街道）", "11-20 16:00",
                        "超期 Overdue `OVERDUE`")),
                rows.stream().map(Row::cells).toList());
        Map<String, List<Row>> html = ReportTables.html(Files.readString(w.html()));
        assertEquals(List.of("K-005", "K-007"), html.get("open-cases").stream().map(Row::key).toList());
        assertEquals("升级督办", html.get("open-cases").get(0).field("level"));

        List<Row> none = ReportTables.markdown(md(report(week(), "2026-11-16", Optional.empty())))
                .get("当日超期、升级督办案件 Overdue and escalated cases");
        assertEquals(List.of(), none);
    }

    @Test
    void totalsTables_mostAlertsOnTheDayFirst_tiesByName() throws Exception {
        DailyReport.Written w = report(week(), "2026-11-19", Optional.empty());
        for (String table : List.of("按规则统计 Totals by rule", "按等级统计 Totals by level", "按责任单位统计 Totals by department")) {
            List<Row> rows = ReportTables.markdown(md(w)).get(table).stream()
                    .filter(r -> !r.key().contains("合计")).toList();
            List<Integer> counts = rows.stream().map(r -> Integer.parseInt(r.cell(1))).toList();
            List<Integer> sorted = new ArrayList<>(counts);
            sorted.sort(java.util.Comparator.reverseOrder());
            assertEquals(sorted, counts, table);
        }
        List<String> rules = ReportTables.markdown(md(w)).get("按规则统计 Totals by rule").stream().map(Row::key).toList();
        // 4 HAZARD_NOT_REPORTED_BY_GRID, 2 COMPLAINT_SURGE, then the ones with 1 and those with 0 by name
        assertEquals(List.of("HAZARD_NOT_REPORTED_BY_GRID", "COMPLAINT_SURGE"), rules.subList(0, 2), rules.toString());
        assertEquals(List.of("OVERDUE_CASE", "SILENT_GRID"), rules.subList(2, 4), "案件超期 (an) before 网格静默 (wang)");
    }

    @Test
    void aChangeAgainstAnAverageUnderFive_isAbsolute_fromFiveOnAPercentage() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        // 2 a day before, 5 on 11-19: "+3.0", not "+150%"
        for (int day = 12; day <= 18; day++) {
            for (int i = 0; i < 2; i++) {
                alerts.add(silentGrid("d" + day + "-" + i, "2026-11-" + day + "T02:0" + i + ":00Z"));
            }
        }
        for (int i = 0; i < 5; i++) {
            alerts.add(silentGrid("today-" + i, "2026-11-19T02:0" + i + ":00Z"));
        }
        Row small = total(report(alerts, "2026-11-19", Optional.empty()));
        assertEquals(List.of("**5**", "**2.0**", "**+3.0**"), small.cells().subList(1, 4));

        // 5 a day before, 6 on 11-26: "+1.0 (+20%)"
        for (int day = 19; day <= 25; day++) {
            for (int i = day == 19 ? 5 : 0; i < 5; i++) {
                alerts.add(silentGrid("e" + day + "-" + i, "2026-11-" + day + "T03:0" + i + ":00Z"));
            }
        }
        for (int i = 0; i < 6; i++) {
            alerts.add(silentGrid("late-" + i, "2026-11-26T02:0" + i + ":00Z"));
        }
        Row large = total(report(alerts, "2026-11-26", Optional.empty()));
        assertEquals(List.of("**6**", "**5.0**", "**+1.0 (+20%)**"), large.cells().subList(1, 4));
    }

    private static Row total(DailyReport.Written w) throws Exception {
        return ReportTables.markdown(md(w)).get("按规则统计 Totals by rule").stream()
                .filter(r -> r.key().contains("合计")).findFirst().orElseThrow();
    }

    /** The week's only SILENT_GRID alert with another id and event time. */
    private static Alert silentGrid(String alertId, String eventTime) throws Exception {
        String line = Files.readAllLines(WEEK).stream().filter(l -> l.contains("\"SILENT_GRID\"")).findFirst().orElseThrow();
        ObjectNode n = (ObjectNode) JSON.readTree(line);
        n.put("alertId", alertId).put("eventTime", Instant.parse(eventTime).toString());
        return CODEC.decodeAlert(JSON.writeValueAsString(n));
    }
}
