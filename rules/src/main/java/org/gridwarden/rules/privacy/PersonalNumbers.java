package org.gridwarden.rules.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal numbers people type into addresses and free text: mainland-China ID-card numbers (18
 * characters, the last a digit or X), mobile numbers (11 digits from 13 to 19, also written 138-1234-5678) and
 * landline numbers (0, a 2-3 digit area code, 7-8 digits). A few digits stay visible so a clerk can still tell
 * two numbers apart ({@code 138****5678}); the rest of the text is unchanged. Full-width digits count as digits.
 */
public final class PersonalNumbers {

    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])([0-9]{3})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])(1[3-9][0-9])[- ]?[0-9]{4}[- ]?([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3})([- ]?)[0-9]{3,4}([0-9]{4})(?![0-9])");

    /** The fewest digits any of the three can match: a landline, 0 + 2 + 3 + 4. */
    private static final int FEWEST_DIGITS = 10;

    private PersonalNumbers() {}

    /** {@code text} with every personal number masked; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String s = halfWidthDigits(text);
        if (digits(s) < FEWEST_DIGITS) {
            return s; // most addresses: no pattern can match, and matching all three costs a tenth of decoding
        }
        s = replace(ID_CARD, s, m -> m.group(1) + "*".repeat(11) + m.group(2));
        s = replace(MOBILE, s, m -> m.group(1) + "****" + m.group(2));
        s = replace(LANDLINE, s, m -> m.group(1) + m.group(2) + "****" + m.group(3));
        return s;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> masked) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(masked.apply((Matcher) m)));
    }

    private static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static String halfWidthDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) (c - '０' + '0'));
            }
        }
        return out == null ? text : out.toString();
    }
}
