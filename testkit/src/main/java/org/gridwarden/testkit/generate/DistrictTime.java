package org.gridwarden.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import org.gridwarden.rules.time.WorkingCalendar;

/** Local time in the district: when during a day things happen, and when people are at work to do them. */
final class DistrictTime {

    /** When a step of a case can happen. */
    enum Window {
        /** Emergencies are handled around the clock. */
        ANY(LocalTime.MIN, LocalTime.MAX, false),
        /** Citizens and duty staff act in the daytime, weekends included. */
        DAYTIME(LocalTime.of(7, 0), LocalTime.of(22, 0), false),
        /** Departments work office hours on working days. */
        OFFICE(LocalTime.of(8, 30), LocalTime.of(18, 0), true);

        final LocalTime from;
        final LocalTime to;
        final boolean workingDaysOnly;

        Window(LocalTime from, LocalTime to, boolean workingDaysOnly) {
            this.from = from;
            this.to = to;
            this.workingDaysOnly = workingDaysOnly;
        }
    }

    /** People do not all start at the opening minute. */
    private static final Duration OPENING_SPREAD = Duration.ofMinutes(75);

    private record PlainDay(LocalDate day, Instant midnight) {}

    private final ZoneId zone;
    private final WorkingCalendar calendar;
    private PlainDay lastDay;

    DistrictTime(WorkingCalendar calendar) {
        this.zone = calendar.zone();
        this.calendar = calendar;
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** A whole-second time of the day, the hour drawn by weight (index 0 = 00:00-01:00). */
    Instant during(LocalDate day, double[] hourWeights, Dice dice) {
        int hour = dice.weighted(hourWeights);
        int minute = dice.between(0, 59);
        int second = dice.between(0, 59);
        PlainDay plain = plainDay(day);
        if (plain.midnight() != null) {
            return plain.midnight().plusSeconds(hour * 3600L + minute * 60L + second);
        }
        return day.atTime(hour, minute, second).atZone(zone).toInstant();
    }

    /**
     * The day's midnight when its clock runs from 00:00 to 24:00 without a change of offset, so that a time of
     * the day is plain arithmetic (a city draws millions a day); else null. The last day asked is remembered.
     */
    private PlainDay plainDay(LocalDate day) {
        PlainDay last = lastDay;
        if (last != null && last.day().equals(day)) {
            return last;
        }
        ZonedDateTime start = day.atStartOfDay(zone);
        Instant midnight = start.toInstant();
        ZoneOffsetTransition change = zone.getRules().nextTransition(midnight.minusSeconds(1));
        boolean plain = start.toLocalTime().equals(LocalTime.MIDNIGHT)
                && (change == null || !change.getInstant().isBefore(midnight.plus(Duration.ofDays(1))));
        lastDay = new PlainDay(day, plain ? midnight : null);
        return lastDay;
    }

    /** {@code t} if it lies in the window, else a little after the window next opens. */
    Instant within(Instant t, Window window, Dice dice) {
        if (window == Window.ANY) {
            return t;
        }
        ZonedDateTime local = t.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (open(day, window) && !time.isBefore(window.from) && time.isBefore(window.to)) {
            return t;
        }
        if (!open(day, window) || !time.isBefore(window.from)) {
            day = day.plusDays(1);
            while (!open(day, window)) {
                day = day.plusDays(1);
            }
        }
        Instant opening = day.atTime(window.from).atZone(zone).toInstant();
        return opening.plus(dice.between(Duration.ZERO, OPENING_SPREAD));
    }

    private boolean open(LocalDate day, Window window) {
        return !window.workingDaysOnly || calendar.isWorkingDay(day);
    }
}
