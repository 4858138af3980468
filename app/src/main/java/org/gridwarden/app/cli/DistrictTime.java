package org.gridwarden.app.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A time given on the command line: an instant with its offset ({@code 2026-11-30T18:00:00+08:00}), a local
 * date-time ({@code 2026-11-30T18:00}) or a bare date ({@code 2026-11-30}). The last two are read in the
 * district's time zone, known only once the reference data is loaded, so an option keeps what was written and
 * the command resolves it. A bare date is the start of that day where a period begins and its end (the next
 * midnight) where a period ends, so {@code --emit-from 2026-12-17 --emit-to 2026-12-17} is that one day.
 *
 * @param instant set when an offset was given
 * @param local set for a local date-time
 * @param date set for a bare date
 */
public record DistrictTime(String text, Instant instant, LocalDateTime local, LocalDate date) {

    private static final Pattern DATE_PART = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");
    private static final Pattern HAS_OFFSET = Pattern.compile(".*T.*([+-]\\d{2}(:?\\d{2})?|Z)$");

    /** The time where a period begins: a bare date is the start of that day. */
    public Instant start(ZoneId zone) {
        return instant != null ? instant
                : local != null ? local.atZone(zone).toInstant() : date.atStartOfDay(zone).toInstant();
    }

    /** The time where a period ends: a bare date is the end of that day, the next midnight. */
    public Instant end(ZoneId zone) {
        return date != null ? date.plusDays(1).atStartOfDay(zone).toInstant() : start(zone);
    }

    /** Null-safe {@link #start}, for options not given. */
    public static Instant start(DistrictTime t, ZoneId zone) {
        return t == null ? null : t.start(zone);
    }

    /** Null-safe {@link #end}, for options not given. */
    public static Instant end(DistrictTime t, ZoneId zone) {
        return t == null ? null : t.end(zone);
    }

    /** A time as the district reads it, the way the options are written, e.g. 2026-11-30T18:00+08:00. */
    public static String local(Instant t, ZoneId zone) {
        return t.equals(Instant.MIN) ? "none (no event)" : OffsetDateTime.ofInstant(t, zone).toString();
    }

    public static DistrictTime parse(String value) {
        String text = value.strip();
        Matcher m = DATE_PART.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a time: write a date (2026-11-30), a district"
                    + " time (2026-11-30T18:00) or a time with offset (2026-11-30T18:00:00+08:00)");
        }
        String noSuchDay = noSuchDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (noSuchDay != null) {
            throw new TypeConversionException("'" + value + "': the date does not exist, " + noSuchDay);
        }
        try {
            if (m.group(4) == null) {
                return new DistrictTime(text, null, null, LocalDate.parse(text));
            }
            if (HAS_OFFSET.matcher(text).matches()) {
                return new DistrictTime(text, OffsetDateTime.parse(text).toInstant(), null, null);
            }
            return new DistrictTime(text, null, LocalDateTime.parse(text), null);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time of day such as 2026-11-30T18:00 or"
                    + " 2026-11-30T18:00:00+08:00");
        }
    }

    /** Why a day of this shape does not exist, or null when it does. */
    private static String noSuchDay(int year, int month, int day) {
        if (month < 1 || month > 12) {
            return "there is no month " + month;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (day < 1 || day > ym.lengthOfMonth()) {
            return ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has "
                    + ym.lengthOfMonth() + " days";
        }
        return null;
    }

    /** The one converter of every time option ({@code --until --from --to --emit-from --emit-to --as-of}). */
    public static final class Converter implements ITypeConverter<DistrictTime> {
        @Override
        public DistrictTime convert(String value) {
            try {
                return parse(value);
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time: " + e.getMessage());
            }
        }
    }
}
