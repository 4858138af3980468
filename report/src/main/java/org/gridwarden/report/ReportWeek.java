package org.gridwarden.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gridwarden.rules.model.Alert;

/**
 * The alerts of the report day and of the 7 days before it, each on the calendar day of its event time in the
 * district's time zone (an alert at 23:30 +08:00 belongs to that day, not to the UTC day).
 */
final class ReportWeek {

    private final LocalDate day;
    private final ZoneId zone;
    /** Index 0 is D-7, index 7 the report day. */
    private final List<List<Alert>> byDay = new ArrayList<>();

    ReportWeek(List<Alert> alerts, LocalDate day, ZoneId zone) {
        this.day = day;
        this.zone = zone;
        for (int i = 0; i <= Trend.PREVIOUS_DAYS; i++) {
            byDay.add(new ArrayList<>());
        }
        for (Alert a : alerts) {
            long daysBefore = ChronoUnit.DAYS.between(dayOf(a), day);
            if (daysBefore >= 0 && daysBefore <= Trend.PREVIOUS_DAYS) {
                byDay.get(Trend.PREVIOUS_DAYS - (int) daysBefore).add(a);
            }
        }
    }

    LocalDate dayOf(Alert a) {
        return a.eventTime().atZone(zone).toLocalDate();
    }

    LocalDate day() {
        return day;
    }

    List<Alert> today() {
        return byDay.get(Trend.PREVIOUS_DAYS);
    }

    /** The report day and the 7 days before it. */
    List<Alert> all() {
        return byDay.stream().flatMap(List::stream).toList();
    }

    Trend trend(Predicate<Alert> counted) {
        List<Integer> previous = new ArrayList<>();
        for (int i = 0; i < Trend.PREVIOUS_DAYS; i++) {
            previous.add((int) byDay.get(i).stream().filter(counted).count());
        }
        return new Trend((int) today().stream().filter(counted).count(), previous);
    }
}
