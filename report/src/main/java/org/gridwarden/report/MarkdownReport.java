package org.gridwarden.report;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * The daily report's Markdown twin: the same figures as the HTML page, labels in Chinese with English
 * ("超期 Overdue"), and each row's id in a code span so the tables can be read back.
 */
public final class MarkdownReport {

    private final StringBuilder out = new StringBuilder();
    private final DailyFigures f;

    private MarkdownReport(DailyFigures figures) {
        this.f = figures;
    }

    public static String render(DailyFigures figures) {
        return new MarkdownReport(figures).document();
    }

    private String document() {
        line("# " + text(f.district()) + "基层治理风险预警日报 Daily risk report · " + f.day());
        line("");
        line(f.day() + "（" + ReportText.weekday(f.day()) + " "
                + f.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "） · 时区 Time zone "
                + f.zone().getId() + " · 规则集版本 Rule-set version "
                + (f.ruleSetVersions().isEmpty() ? "—" : text(String.join(", ", f.ruleSetVersions()))));
        if (f.source().startsWithinWeekBefore(f.day())) {
            line("");
            line("> " + (f.source().firstDay() == null
                    ? "告警文件中没有任何告警。 The alert files hold no alert: check that the replay covered the day and"
                            + " the 7 days before."
                    : "告警文件中最早的告警在 " + f.source().firstDay() + "，前7日中更早的日子按 0 计。 The earliest alert is on "
                            + f.source().firstDay() + "; earlier days of the week before count 0, so averages may be"
                            + " too low."));
        }
        for (Notice n : f.notices()) {
            line("");
            line("> **" + text(n.chinese()) + "** " + text(n.english()));
        }
        summary();
        recentDays();
        totals("按规则统计 Totals by rule", "规则 Rule", f.byRule());
        totals("按等级统计 Totals by level", "等级 Level", f.byLevel());
        totals("按责任单位统计 Totals by department", "责任单位 Department", f.byDepartment());
        openCases();
        overdueRates();
        risk("风险网格前10 Top 10 grids by risk score", "网格 Grid", f.topGrids(), true);
        risk("风险街道 Streets by risk score", "街道 Street", f.topStreets(), false);
        hotspots();
        silentGrids();
        unreportedHazards();
        definitions();
        return out.toString();
    }

    private void summary() {
        line("");
        line("| 告警总数 Alerts | 超期 Overdue | 升级督办 Escalated | 隐患瞒报漏报 Unreported hazards | 静默网格 Silent grids |");
        line("|---:|---:|---:|---:|---:|");
        line("| " + withChange(f.total()) + " | " + withChange(level(AlertLevel.OVERDUE)) + " | "
                + withChange(level(AlertLevel.ESCALATED)) + " | " + f.unreportedHazards().size() + " | "
                + f.silentGrids().size() + " |");
    }

    private static String withChange(Trend t) {
        return t.today() + "（较前7日平均 vs. 7-day average " + ReportText.average(t) + "：" + ReportText.change(t) + "）";
    }

    private Trend level(AlertLevel level) {
        return f.byLevel().stream().filter(r -> r.label().key().equals(level.name())).findFirst().orElseThrow().trend();
    }

    private void recentDays() {
        heading("近8日告警数 Alerts per day");
        line("| 日期 Date | 告警 Alerts |");
        line("|---|---:|");
        Trend t = f.total();
        for (int i = 0; i < Trend.PREVIOUS_DAYS; i++) {
            line("| " + f.day().minusDays(Trend.PREVIOUS_DAYS - i) + " | " + t.previousDays().get(i) + " |");
        }
        line("| **" + f.day() + " 当日 Report day** | **" + t.today() + "** |");
    }

    private void totals(String heading, String column, List<TotalRow> rows) {
        heading(heading);
        line("| " + column + " | 当日 Day | 前7日平均 7-day average | 变化 Change |");
        line("|---|---:|---:|---:|");
        for (TotalRow r : rows) {
            line("| " + labelled(r.label()) + " | " + r.trend().today() + " | " + ReportText.average(r.trend()) + " | "
                    + ReportText.change(r.trend()) + " |");
        }
        line("| **合计 Total** | **" + f.total().today() + "** | **" + ReportText.average(f.total()) + "** | **"
                + ReportText.change(f.total()) + "** |");
    }

    private void openCases() {
        heading("当日超期、升级督办案件 Overdue and escalated cases");
        if (f.openCases().isEmpty()) {
            line("当日无超期、升级督办案件。 No overdue or escalated case on the day.");
            return;
        }
        line("| 案件 Case | 类别 Category | 责任单位 Department | 网格 Grid | 办理时限 Deadline | 等级 Level |");
        line("|---|---|---|---|---|---|");
        for (OpenCase c : f.openCases()) {
            line("| " + code(c.caseId()) + " | " + text(c.category()) + " | " + text(c.departmentName()) + " "
                    + code(c.department()) + " | " + text(c.grid()) + " | "
                    + (c.deadline() == null ? "" : ReportText.dateTime(c.deadline(), f.zone())) + " | "
                    + labelled(AlertLabels.level(c.level())) + " |");
        }
    }

    private void overdueRates() {
        heading("各单位超期率 Overdue rate by department");
        if (f.overdueRates().isEmpty()) {
            line("当日无案件超期类告警。 No time-limit alert on the day.");
            return;
        }
        line("| 责任单位 Department | 时限预警案件 Cases with time-limit alerts | 其中超期 Overdue | 超期率 Overdue rate |");
        line("|---|---:|---:|---:|");
        for (OverdueRate r : f.overdueRates()) {
            line("| " + labelled(r.department()) + " | " + r.casesWithTimeLimitAlerts() + " | " + r.overdueCases()
                    + " | " + ReportText.percent(r.rate()) + " |");
        }
    }

    private void risk(String heading, String column, List<RiskRow> rows, boolean withinColumn) {
        heading(heading);
        if (rows.isEmpty()) {
            line("当日无告警。 No alert on the day.");
            return;
        }
        line("| 排名 Rank | " + column + (withinColumn ? " | 所在 Where" : "")
                + " | 告警数 Alerts | 风险分 Risk score | 告警构成 Alerts by rule |");
        line("|---:|---" + (withinColumn ? "|---" : "") + "|---:|---:|---|");
        for (int i = 0; i < rows.size(); i++) {
            RiskRow r = rows.get(i);
            line("| " + (i + 1) + " | " + labelled(r.place()) + (withinColumn ? " | " + text(r.within()) : "") + " | "
                    + r.alerts() + " | " + r.score() + " | " + text(breakdown(r)) + " |");
        }
    }

    private static String breakdown(RiskRow r) {
        return r.alertsByRule().entrySet().stream()
                .map(e -> AlertLabels.rule(e.getKey()).bilingual() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private void hotspots() {
        heading("重复投诉热点 Repeat-complaint hot spots");
        if (f.hotspots().isEmpty()) {
            line("当日及前7日无重复投诉、案结事不了告警。 No repeat-complaint or complaint-after-closure alert on the day"
                    + " or the 7 days before.");
            return;
        }
        line("| 对象 Subject | 地点 Place | 当日重复投诉 Repeat complaints | 当日案结事不了 After closure"
                + " | 前7日 7 days before | 最近一次告警 Latest alert |");
        line("|---|---|---:|---:|---:|---|");
        for (Hotspot h : f.hotspots()) {
            line("| " + text(h.subject().bilingual()) + " " + code(h.subject().key()) + " | "
                    + text(HtmlReport.place(h.latest())) + " | " + h.repeatToday() + " | " + h.afterClosureToday()
                    + " | " + h.previousDays() + " | " + ReportText.dateTime(h.latest().eventTime(), f.zone()) + " "
                    + text(h.latest().title()) + " |");
        }
    }

    private void silentGrids() {
        heading("静默网格 Silent grids");
        if (f.silentGrids().isEmpty()) {
            line("当日无网格静默告警。 No silent-grid alert on the day.");
            return;
        }
        line("| 时间 Time | 网格 Grid | 网格员 Worker | 责任单位 Department | 说明 Message | 证据 Evidence |");
        line("|---|---|---|---|---|---|");
        for (Alert a : f.silentGrids()) {
            line("| " + ReportText.time(a.eventTime(), f.zone()) + " | " + text(HtmlReport.place(a)) + " "
                    + code(a.gridId()) + " | " + text(a.workerName()) + " | " + text(a.departmentName()) + " | "
                    + text(a.message()) + " | " + evidence(a) + " |");
        }
    }

    private void unreportedHazards() {
        heading("隐患瞒报漏报清单 Unreported hazards");
        if (f.unreportedHazards().isEmpty()) {
            line("当日无隐患漏报、巡查未发现、隐患未立案告警。 No unreported-hazard alert on the day.");
            return;
        }
        line("| 时间 Time | 类型 Rule | 网格 Grid | 隐患类别 Category | 责任单位 Department | 告警内容 Message"
                + " | 证据 Evidence |");
        line("|---|---|---|---|---|---|---|");
        for (Alert a : f.unreportedHazards()) {
            line("| " + ReportText.time(a.eventTime(), f.zone()) + " | " + labelled(AlertLabels.rule(a.ruleId()))
                    + " | " + text(HtmlReport.place(a)) + " | " + text(bilingual(a.categoryName(), a.categoryNameEn()))
                    + " | " + text(a.departmentName()) + " | **" + text(a.title()) + "** " + text(a.message()) + " | "
                    + evidence(a) + " |");
        }
    }

    private void definitions() {
        heading("说明 Definitions");
        for (Definitions.Definition d : Definitions.ALL) {
            line("- **" + d.term().bilingual() + "**: " + d.chinese() + " " + d.english());
        }
        DailyFigures.Source s = f.source();
        line("- **数据来源 Source**: " + (s.firstDay() == null ? "读取告警 0 条。 No alert read."
                : "读取告警 " + s.alerts() + " 条，事件时间从 " + s.firstDay() + " 到 " + s.lastDay() + "。 " + s.alerts()
                        + " alerts read, event times from " + s.firstDay() + " to " + s.lastDay() + "."));
    }

    private static String bilingual(String chinese, String english) {
        return chinese == null ? "" : new Label(chinese, chinese, english).bilingual();
    }

    private static String labelled(Label l) {
        return text(l.bilingual()) + " " + code(l.key());
    }

    private static String evidence(Alert a) {
        return a.evidence() == null ? "" : a.evidence().stream().map(MarkdownReport::code).collect(Collectors.joining(" "));
    }

    private void heading(String text) {
        line("");
        line("## " + text);
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** Text in a table cell: one line, Markdown's special characters escaped, raw HTML shown as text. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.replaceAll("\\R", " ").toCharArray()) {
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An id as a code span; a pipe stays escaped, as GitHub's tables split on it even there. */
    static String code(String id) {
        return id == null ? "" : "`" + id.replaceAll("\\R", " ").replace("`", "'").replace("|", "\\|") + "`";
    }
}
