package org.gridwarden.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script, no external resource, and SVG fills print (unlike CSS
 * backgrounds, which browsers leave out of print by default).
 */
final class SvgCharts {

    static final String TODAY_COLOUR = "#2563eb";
    static final String AVERAGE_COLOUR = "#111827";
    private static final String MUTED = "#9ca3af";
    private static final int WIDTH = 540;
    private static final int LABEL_WIDTH = 140;
    private static final int VALUE_WIDTH = 100;
    private static final int ROW = 24;

    private SvgCharts() {}

    /**
     * One row per label with a count on the day or in the week before: a bar for the day and a black tick at the
     * 7-day average.
     */
    static String todayAgainstAverage(String title, List<TotalRow> rows) {
        List<TotalRow> shown = rows.stream()
                .filter(r -> r.trend().today() > 0 || r.trend().previousAverage() > 0).toList();
        if (shown.isEmpty()) {
            return "<p class=\"empty\">当日及前7日均无告警。</p>";
        }
        double max = shown.stream()
                .mapToDouble(r -> Math.max(r.trend().today(), r.trend().previousAverage())).max().orElse(1);
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int height = shown.size() * ROW + 30;
        StringBuilder svg = open(title, height);
        for (int i = 0; i < shown.size(); i++) {
            TotalRow r = shown.get(i);
            int y = i * ROW;
            double bar = r.trend().today() / max * plot;
            double tick = LABEL_WIDTH + r.trend().previousAverage() / max * plot;
            svg.append(text(LABEL_WIDTH - 8, y + 16, "end", r.label().chinese()))
                    .append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>",
                            LABEL_WIDTH, y + 5, bar, TODAY_COLOUR))
                    .append(String.format(Locale.ROOT,
                            "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>",
                            tick, tick, y + 2, y + 22, AVERAGE_COLOUR))
                    .append(text(WIDTH - VALUE_WIDTH + 8, y + 16, "start",
                            r.trend().today() + "（均 " + ReportText.average(r.trend()) + "）"));
        }
        int legend = shown.size() * ROW + 18;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\"/>",
                        LABEL_WIDTH, legend - 9, TODAY_COLOUR))
                .append(text(LABEL_WIDTH + 20, legend, "start", "当日"))
                .append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>",
                        LABEL_WIDTH + 72, LABEL_WIDTH + 72, legend - 11, legend + 2, AVERAGE_COLOUR))
                .append(text(LABEL_WIDTH + 80, legend, "start", "前7日平均"));
        return svg.append("</svg>").toString();
    }

    /** All alerts per day over the report day and the 7 days before, the report day in colour. */
    static String recentDays(Trend total, LocalDate day) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MM-dd");
        int columns = Trend.PREVIOUS_DAYS + 1;
        int height = 180;
        int plotTop = 20;
        int plotHeight = 120;
        int step = WIDTH / columns;
        int max = Math.max(1, Math.max(total.today(),
                total.previousDays().stream().mapToInt(Integer::intValue).max().orElse(0)));
        StringBuilder svg = open("近8日每日告警数", height);
        for (int i = 0; i < columns; i++) {
            boolean today = i == Trend.PREVIOUS_DAYS;
            int count = today ? total.today() : total.previousDays().get(i);
            double h = count / (double) max * plotHeight;
            int x = i * step + step / 4;
            svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>",
                            x, plotTop + plotHeight - h, step / 2, h, today ? TODAY_COLOUR : MUTED))
                    .append(text(x + step / 4, (int) (plotTop + plotHeight - h) - 4, "middle", String.valueOf(count)))
                    .append(text(x + step / 4, plotTop + plotHeight + 18, "middle",
                            label.format(day.minusDays(Trend.PREVIOUS_DAYS - i)) + (today ? " 当日" : "")));
        }
        double average = total.previousAverage() / max * plotHeight;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>",
                WIDTH, plotTop + plotHeight - average, plotTop + plotHeight - average, AVERAGE_COLOUR))
                .append(text(WIDTH - 4, height - 4, "end", "虚线：前7日平均 " + ReportText.average(total)));
        return svg.append("</svg>").toString();
    }

    /** A small horizontal bar for a fraction, for table cells. */
    static String fractionBar(double fraction) {
        return String.format(Locale.ROOT, "<svg class=\"bar\" width=\"120\" height=\"12\" viewBox=\"0 0 120 12\""
                + " aria-hidden=\"true\"><rect width=\"120\" height=\"12\" fill=\"#e5e7eb\"/>"
                + "<rect width=\"%.1f\" height=\"12\" fill=\"#dc2626\"/></svg>", fraction * 120);
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + "><title>%s</title>",
                WIDTH, height, WIDTH, height, Html.escape(title)));
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                Html.escape(content));
    }
}
