package org.gridwarden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.replay.ReplayOutputWriter;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.report.AlertFileCounts.Line;
import org.gridwarden.report.AlertLabels;
import org.gridwarden.report.DailyReport;
import org.gridwarden.report.ReportTables.Row;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily report of every one of the 60 generated days, from the replay's alert file: every number in the
 * Markdown and in the HTML equals what the test counts straight from the file's JSON lines.
 */
class DailyReportTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Set<String> HAZARD_RULES =
            Set.of("HAZARD_NOT_REPORTED_BY_GRID", "PATROL_MISSED_HAZARD", "HAZARD_NOT_FILED");

    @TempDir
    static Path dir;

    private static final ReferenceData REFERENCE = Fixtures.reference();
    private static Path replayOut;
    private static AlertFileCounts file;

    /** How many rows each list section showed over all days, so the test proves it looked at some. */
    private static final Map<String, Integer> rowsSeen = new TreeMap<>();

    @BeforeAll
    static void replay() throws Exception {
        replayOut = dir.resolve("replay");
        new ReplayOutputWriter(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC))
                .write(replayOut, GeneratedDays.shippedReplay().alerts(), List.of());
        file = new AlertFileCounts(replayOut.resolve("alerts/all.jsonl"), REFERENCE.zone());
    }

    @Test
    void everyNumberOfEveryDaysReport_equalsTheCountsInTheAlertFile() throws Exception {
        assertTrue(file.lines().size() > 1000, "60 days raise many alerts: " + file.lines().size());
        for (LocalDate day : file.days()) {
            DailyReport.Written written = DailyReport.write(replayOut, day, dir.resolve("reports"), REFERENCE);
            Map<String, List<Row>> md = ReportTables.markdown(Files.readString(written.markdown()));
            Map<String, List<Row>> html = ReportTables.html(Files.readString(written.html()));
            summary(day, md.get("").get(0), ReportTables.cards(Files.readString(written.html())));
            totals(day, md, html);
            overdueRates(day, md.get("各单位超期率 Overdue rate by department"), html.get("overdue-rate"));
            risk(day, Line::gridId, md.get("风险网格前10 Top 10 grids by risk score"), html.get("risk-grids"), 3);
            risk(day, Line::streetId, md.get("风险街道 Streets by risk score"), html.get("risk-streets"), 2);
            hotspots(day, md.get("重复投诉热点 Repeat-complaint hot spots"), html.get("hotspots"));
            alertList(day, Set.of("SILENT_GRID"), md.get("静默网格 Silent grids"), html.get("silent-grids"), 5);
            alertList(day, HAZARD_RULES, md.get("隐患瞒报漏报清单 Unreported hazards"), html.get("unreported-hazards"), 6);
        }
        for (String section : List.of("overdue-rate", "risk-grids", "risk-streets", "hotspots", "silent-grids",
                "unreported-hazards")) {
            assertTrue(rowsSeen.getOrDefault(section, 0) > 0, section + " had rows on some day: " + rowsSeen);
        }
    }

    private void summary(LocalDate day, Row md, Map<String, List<String>> cards) {
        List<List<String>> trends = List.of(file.trend(day, l -> true), file.trend(day, l -> l.level().equals("OVERDUE")),
                file.trend(day, l -> l.level().equals("ESCALATED")));
        int hazards = file.alertsOf(day, HAZARD_RULES).size();
        int silent = file.alertsOf(day, Set.of("SILENT_GRID")).size();
        List<String> expectedMarkdown = new ArrayList<>();
        trends.forEach(t -> expectedMarkdown.add(t.get(0) + "（较前7日平均 vs. 7-day average " + t.get(1) + "：" + t.get(2) + "）"));
        expectedMarkdown.add("" + hazards);
        expectedMarkdown.add("" + silent);
        assertEquals(expectedMarkdown, md.cells(), day + " summary (Markdown)");
        Map<String, List<String>> expectedCards = new LinkedHashMap<>();
        List<String> trendCards = List.of("total", "overdue", "escalated");
        for (int i = 0; i < 3; i++) {
            List<String> t = trends.get(i);
            expectedCards.put(trendCards.get(i), List.of(t.get(0), "较前7日平均 " + t.get(1) + "：" + t.get(2)));
        }
        expectedCards.put("hazards", List.of("" + hazards, ""));
        expectedCards.put("silent", List.of("" + silent, ""));
        assertEquals(expectedCards, cards, day + " summary (HTML)");
    }

    private void totals(LocalDate day, Map<String, List<Row>> md, Map<String, List<Row>> html) {
        Set<String> rules = new TreeSet<>(file.values(Line::ruleId));
        AlertLabels.RULES.forEach(l -> rules.add(l.key()));
        Set<String> levels = Set.of("WARNING", "OVERDUE", "ESCALATED", "ALERT", "CRITICAL");
        Set<String> departments = new TreeSet<>(file.values(Line::department));
        REFERENCE.departments().stream().map(Department::id).forEach(departments::add);

        trendTable(day, "by rule", md.get("按规则统计 Totals by rule"), html.get("by-rule"), rules, key -> l -> l.ruleId().equals(key));
        trendTable(day, "by level", md.get("按等级统计 Totals by level"), html.get("by-level"), levels, key -> l -> l.level().equals(key));
        trendTable(day, "by department", md.get("按责任单位统计 Totals by department"), html.get("by-department"),
                departments, key -> l -> key.equals(l.department()));

        List<Row> perDay = md.get("近8日告警数 Alerts per day");
        assertEquals(8, perDay.size());
        for (int i = 0; i < 8; i++) {
            LocalDate d = day.minusDays(7 - i);
            assertTrue(perDay.get(i).cell(0).contains(d.toString()), perDay.get(i).cells().toString());
            assertEquals("" + file.count(d, l -> true), perDay.get(i).cell(1).replace("**", ""), day + " per day " + d);
        }
    }

    private void trendTable(LocalDate day, String what, List<Row> md, List<Row> html, Set<String> keys,
            Function<String, Predicate<Line>> counted) {
        assertEquals(keys, new TreeSet<>(md.stream().map(Row::key).filter(k -> !k.contains("合计")).toList()), day + " " + what);
        for (Row row : md) {
            List<String> expected = file.trend(day, row.key().contains("合计") ? l -> true : counted.apply(row.key()));
            assertEquals(expected, row.cells().subList(1, 4).stream().map(c -> c.replace("**", "")).toList(),
                    day + " " + what + " " + row.key() + " (Markdown)");
        }
        assertEquals(md.size(), html.size(), day + " " + what + " rows (HTML)");
        for (Row row : html) {
            List<String> expected = file.trend(day, row.key().equals("total") ? l -> true : counted.apply(row.key()));
            assertEquals(expected, List.of(row.field("today"), row.field("average"), row.field("change")),
                    day + " " + what + " " + row.key() + " (HTML)");
        }
    }

    private void overdueRates(LocalDate day, List<Row> md, List<Row> html) {
        Map<String, List<String>> expected = file.overdueRates(day);
        Map<String, List<String>> fromMarkdown = new TreeMap<>();
        md.forEach(r -> fromMarkdown.put(r.key(), r.cells().subList(1, 4)));
        assertEquals(expected, fromMarkdown, day + " overdue rate (Markdown)");
        Map<String, List<String>> fromHtml = new TreeMap<>();
        (html == null ? List.<Row>of() : html).forEach(r -> fromHtml.put(r.key(),
                List.of(r.field("cases"), r.field("overdue"), r.field("rate"))));
        assertEquals(expected, fromHtml, day + " overdue rate (HTML)");
        List<Double> rates = md.stream().map(r -> Double.parseDouble(r.cell(3).replace("%", ""))).toList();
        for (int i = 1; i < rates.size(); i++) {
            assertTrue(rates.get(i) <= rates.get(i - 1), day + " highest rate first: " + rates);
        }
        seen("overdue-rate", md.size());
    }

    private void risk(LocalDate day, Function<Line, String> place, List<Row> md, List<Row> html, int alertsColumn) {
        List<AlertFileCounts.Ranked> expected = file.topByRisk(day, place);
        List<AlertFileCounts.Ranked> fromMarkdown = md.stream().map(r -> new AlertFileCounts.Ranked(r.key(),
                Integer.parseInt(r.cell(alertsColumn)), Integer.parseInt(r.cell(alertsColumn + 1)))).toList();
        assertEquals(expected, fromMarkdown, day + " risk ranking (Markdown)");
        List<AlertFileCounts.Ranked> fromHtml = (html == null ? List.<Row>of() : html).stream()
                .map(r -> new AlertFileCounts.Ranked(r.key(), Integer.parseInt(r.field("alerts")),
                        Integer.parseInt(r.field("score")))).toList();
        assertEquals(expected, fromHtml, day + " risk ranking (HTML)");
        seen(alertsColumn == 3 ? "risk-grids" : "risk-streets", md.size());
    }

    private void hotspots(LocalDate day, List<Row> md, List<Row> html) {
        List<AlertFileCounts.Hot> expected = file.hotspots(day);
        assertEquals(expected, md.stream().map(r -> new AlertFileCounts.Hot(r.key(), Integer.parseInt(r.cell(2)),
                Integer.parseInt(r.cell(3)), Integer.parseInt(r.cell(4)))).toList(), day + " hot spots (Markdown)");
        assertEquals(expected, (html == null ? List.<Row>of() : html).stream().map(r -> new AlertFileCounts.Hot(
                r.key(), Integer.parseInt(r.field("repeat-today")), Integer.parseInt(r.field("after-closure-today")),
                Integer.parseInt(r.field("previous")))).toList(), day + " hot spots (HTML)");
        seen("hotspots", md.size());
    }

    /** A list of the day's alerts: the same alerts in time order, each with its evidence. */
    private void alertList(LocalDate day, Set<String> rules, List<Row> md, List<Row> html, int evidenceColumn) {
        List<Line> expected = file.alertsOf(day, rules);
        List<List<String>> fromMarkdown = new ArrayList<>();
        md.forEach(r -> fromMarkdown.add(r.codes(evidenceColumn)));
        assertEquals(expected.stream().map(Line::evidence).toList(), fromMarkdown, day + " evidence (Markdown)");
        List<Row> htmlRows = html == null ? List.of() : html;
        assertEquals(expected.stream().map(Line::alertId).toList(), htmlRows.stream().map(Row::key).toList(),
                day + " alerts (HTML)");
        assertEquals(expected.stream().map(l -> String.join(" ", l.evidence())).toList(),
                htmlRows.stream().map(r -> r.field("evidence")).toList(), day + " evidence (HTML)");
        seen(rules.size() == 1 ? "silent-grids" : "unreported-hazards", md.size());
    }

    private static void seen(String section, int rows) {
        rowsSeen.merge(section, rows, Integer::sum);
    }

    @Test
    void theFirstWeek_warnsThatItsAverageLacksHistory_andLaterDaysDoNot() throws Exception {
        LocalDate first = file.days().iterator().next();
        String early = Files.readString(DailyReport.write(replayOut, first.plusDays(3), dir.resolve("early"), REFERENCE)
                .markdown());
        assertTrue(early.contains("> 告警文件中最早的告警在 " + first + "，前7日中更早的日子按 0 计。"), early);
        String later = Files.readString(DailyReport.write(replayOut, first.plusDays(7), dir.resolve("later"), REFERENCE)
                .markdown());
        assertFalse(later.contains("告警文件中最早的告警在"), later);
    }
}
