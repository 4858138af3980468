package org.gridwarden.report;

import static org.gridwarden.report.Html.escape;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * The daily report as one self-contained HTML page in Chinese: inline CSS and SVG, no script, no network
 * resource, light colours that print. Tables carry {@code data-table}, {@code data-key} and {@code data-field}
 * attributes so a program can read the figures back.
 */
public final class HtmlReport {

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
                   "Microsoft YaHei", sans-serif; color: #111827; background: #fff; margin: 24px auto;
                   max-width: 1100px; padding: 0 16px; font-size: 14px; line-height: 1.5; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 17px; border-bottom: 2px solid #111827; padding-bottom: 2px; margin: 28px 0 10px; }
            .meta, .muted { color: #4b5563; }
            .meta { margin: 0; }
            .warn { border-left: 4px solid #d97706; padding: 4px 10px; margin: 10px 0; }
            .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
            .card { border: 1px solid #9ca3af; border-radius: 6px; padding: 8px 14px; min-width: 150px; }
            .card .n { font-size: 26px; font-weight: 700; }
            .card .l, .card .c { color: #4b5563; font-size: 13px; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0; }
            .pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; align-items: start; }
            .pair table { margin-top: 0; }
            th, td { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { font-weight: 600; border-bottom: 2px solid #6b7280; white-space: nowrap; }
            td[data-field="time"], td[data-field="rule"], td[data-field="department"] { white-space: nowrap; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .up { color: #b91c1c; }
            .down { color: #15803d; }
            .empty { color: #6b7280; font-style: italic; }
            .title { font-weight: 600; }
            td[data-field="grid"], td[data-field="category"] { min-width: 8em; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; white-space: nowrap; }
            svg.chart { max-width: 100%; height: auto; font-size: 12px; }
            svg text { fill: #111827; }
            svg.bar { vertical-align: middle; margin-left: 6px; }
            .rate { display: inline-block; min-width: 4.5em; text-align: right; }
            footer { margin-top: 32px; font-size: 12px; color: #374151; border-top: 1px solid #9ca3af; }
            footer dt { font-weight: 600; margin-top: 6px; }
            footer dd { margin: 0 0 0 1.5em; }
            @page { size: A4; margin: 12mm; }
            @media print {
              body { margin: 0; max-width: none; font-size: 11px; }
              .keep, .card, tr { break-inside: avoid; }
              h2 { break-after: avoid; }
            }
            """;

    private final StringBuilder out = new StringBuilder();
    private final DailyFigures f;

    private HtmlReport(DailyFigures figures) {
        this.f = figures;
    }

    public static String render(DailyFigures figures) {
        return new HtmlReport(figures).page();
    }

    private String page() {
        String title = f.district() + "基层治理风险预警日报 " + f.day();
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        header(title);
        totals();
        overdueRates();
        risk("risk-grids", "风险网格前10", "网格", f.topGrids(), true);
        risk("risk-streets", "风险街道", "街道", f.topStreets(), false);
        hotspots();
        silentGrids();
        unreportedHazards();
        footer();
        return out.append("</body>\n</html>\n").toString();
    }

    private void header(String title) {
        out.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"meta\">")
                .append(escape(f.day() + "（" + ReportText.weekday(f.day()) + "） · 时区 " + f.zone().getId()
                        + " · 规则集版本 " + (f.ruleSetVersions().isEmpty() ? "—" : String.join("、", f.ruleSetVersions()))))
                .append("</p>\n");
        if (f.source().startsWithinWeekBefore(f.day())) {
            out.append("<p class=\"warn\">").append(escape(coverageWarning())).append("</p>\n");
        }
        for (Notice n : f.notices()) {
            out.append("<p class=\"warn\" data-notice>").append(escape(n.chinese())).append("</p>\n");
        }
        out.append("<div class=\"cards\">\n");
        card("total", "告警总数", f.total());
        card("overdue", "超期", levelTrend(AlertLevel.OVERDUE));
        card("escalated", "升级督办", levelTrend(AlertLevel.ESCALATED));
        out.append(String.format("<div class=\"card\" data-card=\"hazards\"><div class=\"n\">%d</div>"
                + "<div class=\"l\">隐患瞒报漏报</div></div>\n", f.unreportedHazards().size()));
        out.append(String.format("<div class=\"card\" data-card=\"silent\"><div class=\"n\">%d</div>"
                + "<div class=\"l\">静默网格</div></div>\n", f.silentGrids().size()));
        out.append("</div>\n</header>\n");
    }

    private String coverageWarning() {
        return f.source().firstDay() == null
                ? "告警文件中没有任何告警：请确认回放已覆盖统计日及前7日。"
                : "告警文件中最早的告警在 " + f.source().firstDay() + "，前7日中更早的日子按 0 计，平均值可能偏低。";
    }

    private Trend levelTrend(AlertLevel level) {
        return f.byLevel().stream().filter(r -> r.label().key().equals(level.name())).findFirst().orElseThrow().trend();
    }

    private void card(String key, String label, Trend t) {
        out.append("<div class=\"card\" data-card=\"").append(key).append("\"><div class=\"n\">").append(t.today())
                .append("</div><div class=\"l\">").append(escape(label)).append("</div><div class=\"c ")
                .append(changeClass(t)).append("\">较前7日平均 ").append(escape(ReportText.average(t))).append("：")
                .append(escape(ReportText.change(t))).append("</div></div>\n");
    }

    private void totals() {
        out.append("<section class=\"keep\">\n<h2>近8日告警数</h2>\n")
                .append(SvgCharts.recentDays(f.total(), f.day())).append("\n</section>\n");
        totalTable("by-rule", "按规则统计", "规则", f.byRule());
        totalTable("by-level", "按等级统计", "等级", f.byLevel());
        totalTable("by-department", "按责任单位统计", "责任单位", f.byDepartment());
        openCases();
    }

    private void openCases() {
        out.append("<section>\n<h2>当日超期、升级督办案件</h2>\n");
        if (f.openCases().isEmpty()) {
            out.append("<p class=\"empty\">当日无超期、升级督办案件。</p>\n</section>\n");
            return;
        }
        out.append("<table data-table=\"open-cases\">\n<thead><tr><th>案件</th><th>类别</th><th>责任单位</th>"
                + "<th>网格</th><th>办理时限</th><th>等级</th></tr></thead>\n<tbody>\n");
        for (OpenCase c : f.openCases()) {
            row(c.caseId());
            cell("case", "<code>" + escape(c.caseId()) + "</code>");
            cell("category", escape(c.category()));
            cell("department", escape(c.departmentName()));
            cell("grid", escape(c.grid()));
            cell("deadline", c.deadline() == null ? "" : escape(ReportText.dateTime(c.deadline(), f.zone())));
            cell("level", escape(AlertLabels.level(c.level()).chinese()));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void totalTable(String key, String heading, String column, List<TotalRow> rows) {
        out.append("<section>\n<h2>").append(escape(heading)).append("</h2>\n<div class=\"pair\">\n");
        out.append("<table data-table=\"").append(key).append("\">\n<thead><tr><th>").append(escape(column))
                .append("</th><th class=\"num\">当日</th><th class=\"num\">前7日平均</th><th class=\"num\">变化</th>"
                        + "</tr></thead>\n<tbody>\n");
        for (TotalRow r : rows) {
            Trend t = r.trend();
            row(r.label().key());
            cell("name", escape(r.label().chinese()));
            numCell("today", String.valueOf(t.today()));
            numCell("average", ReportText.average(t));
            out.append("<td class=\"num ").append(changeClass(t)).append("\" data-field=\"change\">")
                    .append(escape(ReportText.change(t))).append("</td>");
            out.append("</tr>\n");
        }
        out.append("</tbody>\n<tfoot>\n");
        row("total");
        cell("name", "合计");
        numCell("today", String.valueOf(f.total().today()));
        numCell("average", ReportText.average(f.total()));
        numCell("change", ReportText.change(f.total()));
        out.append("</tr>\n</tfoot>\n</table>\n<div class=\"keep\">")
                .append(SvgCharts.todayAgainstAverage(heading, rows)).append("</div>\n</div>\n</section>\n");
    }

    private void overdueRates() {
        out.append("<section>\n<h2>各单位超期率</h2>\n");
        if (f.overdueRates().isEmpty()) {
            out.append("<p class=\"empty\">当日无案件超期类告警。</p>\n</section>\n");
            return;
        }
        out.append("<table data-table=\"overdue-rate\">\n<thead><tr><th>责任单位</th><th class=\"num\">时限预警案件</th>"
                + "<th class=\"num\">其中超期</th><th>超期率</th></tr></thead>\n<tbody>\n");
        for (OverdueRate r : f.overdueRates()) {
            row(r.department().key());
            cell("name", escape(r.department().chinese()));
            numCell("cases", String.valueOf(r.casesWithTimeLimitAlerts()));
            numCell("overdue", String.valueOf(r.overdueCases()));
            out.append("<td data-field=\"rate\"><span class=\"rate\">").append(ReportText.percent(r.rate()))
                    .append("</span>").append(SvgCharts.fractionBar(r.rate())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void risk(String key, String heading, String column, List<RiskRow> rows, boolean withinColumn) {
        out.append("<section>\n<h2>").append(escape(heading)).append("</h2>\n");
        if (rows.isEmpty()) {
            out.append("<p class=\"empty\">当日无告警。</p>\n</section>\n");
            return;
        }
        out.append("<table data-table=\"").append(key).append("\">\n<thead><tr><th class=\"num\">排名</th><th>")
                .append(escape(column)).append("</th>").append(withinColumn ? "<th>所在</th>" : "")
                .append("<th class=\"num\">告警数</th><th class=\"num\">风险分</th><th>告警构成</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.size(); i++) {
            RiskRow r = rows.get(i);
            row(r.place().key());
            numCell("rank", String.valueOf(i + 1));
            cell("name", escape(r.place().chinese()));
            if (withinColumn) {
                cell("within", escape(r.within()));
            }
            numCell("alerts", String.valueOf(r.alerts()));
            numCell("score", String.valueOf(r.score()));
            cell("rules", escape(breakdown(r.alertsByRule())));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    static String breakdown(Map<String, Integer> byRule) {
        return byRule.entrySet().stream().map(e -> AlertLabels.rule(e.getKey()).chinese() + "×" + e.getValue())
                .collect(Collectors.joining("、"));
    }

    private void hotspots() {
        out.append("<section>\n<h2>重复投诉热点</h2>\n");
        if (f.hotspots().isEmpty()) {
            out.append("<p class=\"empty\">当日及前7日无重复投诉、案结事不了告警。</p>\n</section>\n");
            return;
        }
        out.append("<table data-table=\"hotspots\">\n<thead><tr><th>对象</th><th>地点</th>"
                + "<th class=\"num\">当日重复投诉</th><th class=\"num\">当日案结事不了</th><th class=\"num\">前7日</th>"
                + "<th>最近一次告警</th></tr></thead>\n<tbody>\n");
        for (Hotspot h : f.hotspots()) {
            Alert latest = h.latest();
            row(h.subject().key());
            cell("name", escape(h.subject().chinese()));
            cell("place", escape(place(latest)));
            numCell("repeat-today", String.valueOf(h.repeatToday()));
            numCell("after-closure-today", String.valueOf(h.afterClosureToday()));
            numCell("previous", String.valueOf(h.previousDays()));
            cell("latest", escape(ReportText.dateTime(latest.eventTime(), f.zone())) + " "
                    + "<span class=\"title\">" + escape(latest.title()) + "</span>");
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void silentGrids() {
        out.append("<section>\n<h2>静默网格</h2>\n");
        if (f.silentGrids().isEmpty()) {
            out.append("<p class=\"empty\">当日无网格静默告警。</p>\n</section>\n");
            return;
        }
        out.append("<table data-table=\"silent-grids\">\n<thead><tr><th>时间</th><th>网格</th><th>网格员</th>"
                + "<th>责任单位</th><th>说明</th><th>证据</th></tr></thead>\n<tbody>\n");
        for (Alert a : f.silentGrids()) {
            row(a.alertId());
            cell("time", escape(ReportText.time(a.eventTime(), f.zone())));
            cell("grid", escape(place(a)));
            cell("worker", escape(a.workerName()));
            cell("department", escape(a.departmentName()));
            cell("message", escape(a.message()));
            cell("evidence", evidence(a));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void unreportedHazards() {
        out.append("<section>\n<h2>隐患瞒报漏报清单</h2>\n");
        if (f.unreportedHazards().isEmpty()) {
            out.append("<p class=\"empty\">当日无隐患漏报、巡查未发现、隐患未立案告警。</p>\n</section>\n");
            return;
        }
        out.append("<table data-table=\"unreported-hazards\">\n<thead><tr><th>时间</th><th>类型</th><th>网格</th>"
                + "<th>隐患类别</th><th>责任单位</th><th>告警内容</th><th>证据</th></tr></thead>\n<tbody>\n");
        for (Alert a : f.unreportedHazards()) {
            row(a.alertId());
            cell("time", escape(ReportText.time(a.eventTime(), f.zone())));
            cell("rule", escape(AlertLabels.rule(a.ruleId()).chinese()));
            cell("grid", escape(place(a)));
            cell("category", escape(a.categoryName()));
            cell("department", escape(a.departmentName()));
            cell("message", "<div class=\"title\">" + escape(a.title()) + "</div>" + escape(a.message()));
            cell("evidence", evidence(a));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void footer() {
        out.append("<footer>\n<h2>说明</h2>\n<dl>\n");
        for (Definitions.Definition d : Definitions.ALL) {
            out.append("<dt>").append(escape(d.term().chinese())).append("</dt><dd>").append(escape(d.chinese()))
                    .append("</dd>\n");
        }
        DailyFigures.Source s = f.source();
        out.append("<dt>数据来源</dt><dd>").append(escape(s.firstDay() == null ? "读取告警 0 条。"
                : "读取告警 " + s.alerts() + " 条，事件时间从 " + s.firstDay() + " 到 " + s.lastDay() + "。"))
                .append("</dd>\n</dl>\n</footer>\n");
    }

    /** "湖滨社区第1网格（东湖街道）" */
    static String place(Alert a) {
        String grid = a.gridName() != null ? a.gridName() : a.gridId() != null ? a.gridId() : "";
        return a.streetName() == null ? grid : grid + "（" + a.streetName() + "）";
    }

    private static String evidence(Alert a) {
        return a.evidence() == null ? "" : a.evidence().stream().map(id -> "<code>" + escape(id) + "</code>")
                .collect(Collectors.joining(" "));
    }

    private static String changeClass(Trend t) {
        return t.change() > 0 ? "up" : t.change() < 0 ? "down" : "";
    }

    private void row(String key) {
        out.append("<tr data-key=\"").append(escape(key)).append("\">");
    }

    /** A cell whose content is already escaped. */
    private void cell(String field, String html) {
        out.append("<td data-field=\"").append(field).append("\">").append(html).append("</td>");
    }

    private void numCell(String field, String text) {
        out.append("<td class=\"num\" data-field=\"").append(field).append("\">").append(escape(text)).append("</td>");
    }
}
