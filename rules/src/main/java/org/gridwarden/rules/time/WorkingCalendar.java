package org.gridwarden.rules.time;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gridwarden.rules.reference.CalendarYear;
import org.gridwarden.rules.reference.Holiday;

/**
 * Working days (工作日) of the district: Monday to Friday, minus public holidays, plus the weekend days
 * declared make-up working days (调休上班). Evaluated in the district's time zone. A working day counts
 * whole (24 h of working time): limits are promised in days, not office hours.
 */
public final class WorkingCalendar implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ZoneId zone;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> makeUpWorkdays = new HashSet<>();
    private final SortedSet<Integer> years = new TreeSet<>();

    public WorkingCalendar(ZoneId zone, Iterable<CalendarYear> calendarYears) {
        this.zone = zone;
        for (CalendarYear year : calendarYears) {
            years.add(year.year());
            for (Holiday h : year.holidays()) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    holidays.add(d);
                }
                if (h.makeUpWorkdays() != null) {
                    makeUpWorkdays.addAll(h.makeUpWorkdays());
                }
            }
        }
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar c && zone.equals(c.zone) && holidays.equals(c.holidays)
                && makeUpWorkdays.equals(c.makeUpWorkdays) && years.equals(c.years);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, holidays, makeUpWorkdays, years);
    }

    /** The years the official arrangement is known for; outside them only weekends are days off. */
    public SortedSet<Integer> years() {
        return years;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The deadline of an N-working-day limit that starts at {@code start}: the end of the N-th working day
     * after the start day. The start day itself does not count (期间开始之日不计算在期间内); a start at
     * midnight lies at the end of the previous day, so that chained periods (a deadline, then an escalation
     * delay from it) add up.
     */
    public Instant endOfNthWorkingDayAfter(Instant start, int n) {
        LocalDate day = start.atZone(zone).toLocalDate();
        if (startOf(day).equals(start)) {
            day = day.minusDays(1);
        }
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return startOf(day.plusDays(1));
    }

    /** Working time in [from, to): the parts of working days that lie in the interval. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long millis = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        Instant dayStart = startOf(day);
        while (dayStart.isBefore(to)) {
            Instant dayEnd = startOf(day.plusDays(1));
            if (isWorkingDay(day)) {
                Instant a = from.isAfter(dayStart) ? from : dayStart;
                Instant b = to.isBefore(dayEnd) ? to : dayEnd;
                millis += Duration.between(a, b).toMillis();
            }
            day = day.plusDays(1);
            dayStart = dayEnd;
        }
        return Duration.ofMillis(millis);
    }

    /** The instant at which {@code amount} of working time has passed since {@code from}. */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        long remaining = amount.toMillis();
        Instant cursor = from;
        LocalDate day = from.atZone(zone).toLocalDate();
        while (remaining > 0) {
            Instant dayEnd = startOf(day.plusDays(1));
            if (isWorkingDay(day)) {
                long available = Duration.between(cursor, dayEnd).toMillis();
                if (remaining <= available) {
                    return cursor.plusMillis(remaining);
                }
                remaining -= available;
            }
            day = day.plusDays(1);
            cursor = dayEnd;
        }
        return cursor;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
