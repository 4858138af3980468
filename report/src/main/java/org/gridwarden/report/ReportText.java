package org.gridwarden.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How numbers and times read in both renderings of the report, so the HTML and the Markdown agree. */
final class ReportText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private ReportText() {}

    /** The 7-day average with one decimal, e.g. "10.3". */
    static String average(Trend t) {
        return String.format(Locale.ROOT, "%.1f", t.previousAverage());
    }

    /**
     * E.g. "+1.7 (+17%)"; the absolute change alone when the average is under {@link Trend#PERCENT_BASE}, where
     * a percentage overstates (from 0.3 to 2 reads "+567%").
     */
    static String change(Trend t) {
        String absolute = String.format(Locale.ROOT, "%+.1f", t.change());
        return t.previousAverage() >= Trend.PERCENT_BASE && t.relativeChange().isPresent()
                ? absolute + String.format(Locale.ROOT, " (%+.0f%%)", t.relativeChange().getAsDouble() * 100)
                : absolute;
    }

    /** E.g. "25.0%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** "星期三" */
    static String weekday(java.time.LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
    }

    /** A time on the report day, in the district's time zone: "14:05". */
    static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    /** A time that may lie on another day: "12-15 14:05". */
    static String dateTime(Instant t, ZoneId zone) {
        return DATE_TIME.format(t.atZone(zone));
    }
}
