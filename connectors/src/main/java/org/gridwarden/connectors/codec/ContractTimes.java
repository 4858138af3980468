package org.gridwarden.connectors.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * A fast reading of the contract's usual time form, {@code 2026-11-20T09:30:00[.fraction](+08:00|Z)}, to an
 * instant cut to the millisecond, without a formatter. Any other text, valid or not, gets {@code null}: the
 * caller then parses it with {@link java.time.OffsetDateTime#parse}, which decides every other form exactly.
 */
final class ContractTimes {

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private ContractTimes() {}

    /** The instant of {@code s} cut to the millisecond, or null if {@code s} is not in the usual form. */
    static Instant usualForm(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int i = 19;
        int millis = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 3; k++) {
                millis *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(s, i);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L
                + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code i}; {@link Integer#MIN_VALUE} for anything else. */
    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return 0;
        }
        if (i != n - 6 || s.charAt(i + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = s.charAt(i);
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '+' ? seconds : -seconds;
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
