package org.gridwarden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwarden.report.DailyReport;
import org.gridwarden.report.ReportTables.Row;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over small, hand-edited alert files (the sample district week's expected alerts): empty days,
 * the district's day boundary, escaping, self-containment, several directories, broken files.
 */
class DailyReportFilesTest {

    private static final ReferenceData REFERENCE = Fixtures.reference();
    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl");
    private static final LocalDate THURSDAY = LocalDate.parse("2026-11-19");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path alertsDir(String name, List<String> lines) throws Exception {
        Path alerts = dir.resolve(name).resolve("alerts");
        Files.createDirectories(alerts);
        Files.write(alerts.resolve("all.jsonl"), lines);
        return alerts.getParent();
    }

    private static List<String> week() throws Exception {
        return Files.readAllLines(WEEK);
    }

    /** The week's only SILENT_GRID alert with another id, event time and message. */
    private static String silentGrid(String alertId, String eventTime, String message) throws Exception {
        String line = week().stream().filter(l -> l.contains("\"SILENT_GRID\"")).findFirst().orElseThrow();
        ObjectNode n = (ObjectNode) JSON.readTree(line);
        n.put("alertId", alertId).put("eventTime", eventTime).put("message", message);
        return JSON.writeValueAsString(n);
    }

    private static Map<String, List<Row>> markdownTables(DailyReport.Written w) throws Exception {
        return ReportTables.markdown(Files.readString(w.markdown()));
    }

    @Test
    void anEmptyAlertFile_givesAReportOfZeros_thatSaysSo() throws Exception {
        DailyReport.Written w = DailyReport.write(alertsDir("empty", List.of()), THURSDAY, dir.resolve("out"), REFERENCE);
        String md = Files.readString(w.markdown());
        Map<String, List<Row>> tables = ReportTables.markdown(md);
        for (String section : List.of("按规则统计 Totals by rule", "按等级统计 Totals by level", "按责任单位统计 Totals by department")) {
            assertFalse(tables.get(section).isEmpty(), section);
            for (Row row : tables.get(section)) {
                assertEquals(List.of("0", "0.0", "+0.0"), row.cells().subList(1, 4).stream()
                        .map(c -> c.replace("**", "")).toList(), section + " " + row.key());
            }
        }
        assertEquals(REFERENCE.departments().size() + 1, tables.get("按责任单位统计 Totals by department").size(),
                "every department of the district, and the total");
        assertTrue(md.contains("> 告警文件中没有任何告警。"), md);
        assertTrue(md.contains("当日无案件超期类告警。"), md);
        assertTrue(md.contains("当日无隐患漏报、巡查未发现、隐患未立案告警。"), md);
        String html = Files.readString(w.html());
        assertTrue(html.contains("<div class=\"card\" data-card=\"total\"><div class=\"n\">0</div>"), html);
        assertTrue(html.contains("<p class=\"empty\">当日及前7日均无告警。</p>"), html);
        assertEquals(0, w.figures().total().today());
    }

    @Test
    void aDayWithoutAlerts_inAFileWithAlerts_givesZeros() throws Exception {
        DailyReport.Written w = DailyReport.write(alertsDir("week", week()), LocalDate.parse("2026-12-01"),
                dir.resolve("out"), REFERENCE);
        Row total = markdownTables(w).get("按规则统计 Totals by rule").stream()
                .filter(r -> r.key().contains("合计")).findFirst().orElseThrow();
        assertEquals(List.of("**0**", "**0.0**", "**+0.0**"), total.cells().subList(1, 4));
        assertFalse(Files.readString(w.markdown()).contains("告警文件中"), "the file starts long before the week");
    }

    @Test
    void anAlertBelongsToTheDayOfItsEventTime_inTheDistrictsTimeZone() throws Exception {
        // 23:59 and 00:00 in Beijing lie on the same UTC day, 2026-11-19
        Path alerts = alertsDir("boundary", List.of(
                silentGrid("late-evening", "2026-11-19T15:59:00Z", "23:59"),
                silentGrid("just-after-midnight", "2026-11-19T16:00:00Z", "00:00")));
        DailyReport.Written thursday = DailyReport.write(alerts, THURSDAY, dir.resolve("out"), REFERENCE);
        DailyReport.Written friday = DailyReport.write(alerts, THURSDAY.plusDays(1), dir.resolve("out"), REFERENCE);
        assertEquals(List.of("late-evening"), thursday.figures().silentGrids().stream().map(a -> a.alertId()).toList());
        assertEquals(List.of("just-after-midnight"), friday.figures().silentGrids().stream().map(a -> a.alertId()).toList());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 1), friday.figures().total().previousDays(), "D-7 … D-1");
    }

    @Test
    void textFromAlerts_isEscaped_inTheHtmlAndTheMarkdown() throws Exception {
        String hostile = "<script>alert('x')</script> & \"引号\" | *星* [链接](http://example.org)";
        DailyReport.Written w = DailyReport.write(alertsDir("hostile", List.of(
                silentGrid("a1", "2026-11-19T08:26:00Z", hostile))), THURSDAY, dir.resolve("out"), REFERENCE);
        String html = Files.readString(w.html());
        assertFalse(html.contains("<script"), "no script element from an alert's text");
        assertTrue(html.contains("<td data-field=\"message\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"
                + " &quot;引号&quot; | *星* [链接](http://example.org)</td>"), html);
        String md = Files.readString(w.markdown());
        assertTrue(md.contains("| &lt;script&gt;alert('x')&lt;/script&gt; &amp; \"引号\" \\| \\*星\\* \\[链接\\](http://example.org) |"), md);
        Row row = markdownTables(w).get("静默网格 Silent grids").get(0);
        assertEquals(6, row.cells().size(), "the escaped pipe does not split the cell: " + row.cells());
    }

    @Test
    void thePage_isSelfContained() throws Exception {
        String html = Files.readString(DailyReport.write(alertsDir("week", week()), THURSDAY, dir.resolve("out"),
                REFERENCE).html());
        for (String external : List.of("http:", "https:", "<script", "<link", "<img", "src=", "url(", "@import")) {
            assertFalse(html.contains(external), "no " + external + " in the page");
        }
        assertTrue(html.contains("<style>") && html.contains("@media print"), "inline CSS with print rules");
        assertTrue(html.contains("<svg class=\"chart\""), "inline SVG charts");
    }

    @Test
    void severalDirectories_areReadAsOne_andAnAlertInTwoCountsOnce() throws Exception {
        List<String> lines = week();
        Path first = alertsDir("night-1", lines.subList(0, 20));
        Path second = alertsDir("night-2", lines.subList(10, lines.size()));
        DailyReport.Written both = DailyReport.write(List.of(first, second.resolve("alerts")), THURSDAY,
                dir.resolve("out"), REFERENCE);
        DailyReport.Written one = DailyReport.write(alertsDir("all", lines), THURSDAY, dir.resolve("out"), REFERENCE);
        assertEquals(one.figures(), both.figures());
        assertEquals(33, both.figures().source().alerts());
    }

    @Test
    void aBrokenLine_isNamedByFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(week().subList(0, 2));
        lines.add("{\"alertId\": \"x\", \"level\": \"LOUD\"}");
        Path alerts = alertsDir("broken", lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DailyReport.write(alerts, THURSDAY, dir.resolve("out"), REFERENCE));
        assertTrue(e.getMessage().startsWith(alerts.resolve("alerts/all.jsonl") + ":3: not an alert: "), e.getMessage());
    }
}
