package org.gridwarden.importer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * How an export writes its times: a {@code java.time} pattern such as {@code MM/dd/yyyy hh:mm:ss a}, read in
 * the city's time zone unless the text carries an offset. A local time that a daylight-saving change makes
 * ambiguous is read as the earlier of its two instants, one that falls in the gap as shifted forward (the
 * {@code java.time} rules); exports rarely say which was meant.
 */
public record ExportTime(String pattern, ZoneId zone, Locale locale) {

    /** The formatter, case-insensitive so that {@code am} reads like {@code AM}. */
    public DateTimeFormatter formatter() {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale)
                .withZone(zone);
    }

    /** Throws {@link java.time.format.DateTimeParseException} for a text not in the pattern. */
    public Instant parse(String text, DateTimeFormatter formatter) {
        return ZonedDateTime.parse(text.trim(), formatter).toInstant();
    }
}
