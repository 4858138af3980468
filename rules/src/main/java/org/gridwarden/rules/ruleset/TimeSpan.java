package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwarden.rules.time.ClockKind;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * A period as a supervisor writes it in the rule set: {@code 30s}, {@code 30m}, {@code 24h}, {@code 3d} (calendar
 * days) or {@code 5wd} (working days, 工作日).
 */
public record TimeSpan(long amount, Unit unit) implements Serializable {

    public enum Unit {
        SECONDS("s"),
        MINUTES("m"),
        HOURS("h"),
        DAYS("d"),
        WORKING_DAYS("wd");

        final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*(s|m|h|d|wd)\\s*");

    @JsonCreator
    public static TimeSpan parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a period: write a whole number and a unit, s (seconds), m (minutes), h (hours),"
                            + " d (calendar days) or wd (working days), e.g. 24h or 5wd");
        }
        long amount = Long.parseLong(m.group(1));
        for (Unit u : Unit.values()) {
            if (u.suffix.equals(m.group(2))) {
                return new TimeSpan(amount, u);
            }
        }
        throw new AssertionError(text);
    }

    public static TimeSpan hours(long h) {
        return new TimeSpan(h, Unit.HOURS);
    }

    public static TimeSpan workingDays(long d) {
        return new TimeSpan(d, Unit.WORKING_DAYS);
    }

    public boolean isWorkingDays() {
        return unit == Unit.WORKING_DAYS;
    }

    /** The clock a limit of this kind runs on: working time for working days, calendar time otherwise. */
    public ClockKind clockKind() {
        return isWorkingDays() ? ClockKind.WORKING : ClockKind.CALENDAR;
    }

    /** Length in calendar time; not defined for working days, whose length depends on the calendar. */
    public Duration toDuration() {
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(amount);
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
            case WORKING_DAYS -> throw new IllegalStateException(this + " has no fixed length");
        };
    }

    /** When a period of this length that starts at {@code start} ends, on the district's calendar. */
    public Instant addTo(Instant start, WorkingCalendar calendar) {
        return isWorkingDays() ? calendar.endOfNthWorkingDayAfter(start, (int) amount) : start.plus(toDuration());
    }

    @JsonValue
    @Override
    public String toString() {
        return amount + unit.suffix;
    }

    /** Readable Chinese, for alert messages. */
    public String toChinese() {
        return amount + switch (unit) {
            case SECONDS -> "秒";
            case MINUTES -> "分钟";
            case HOURS -> "小时";
            case DAYS -> "天";
            case WORKING_DAYS -> "个工作日";
        };
    }

    /** Readable English, for alert messages: "1 hour", "5 working days". */
    public String toEnglish() {
        String unitName = switch (unit) {
            case SECONDS -> "second";
            case MINUTES -> "minute";
            case HOURS -> "hour";
            case DAYS -> "day";
            case WORKING_DAYS -> "working day";
        };
        return amount + " " + unitName + (amount == 1 ? "" : "s");
    }
}
