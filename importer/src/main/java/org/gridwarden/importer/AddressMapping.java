package org.gridwarden.importer;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an export's addresses are tidied before they reach the ledger: the repeat-complaint rules compare
 * addresses as text, so {@code 12 ELM ST, NEW YORK, NY 10027} and {@code 12 Elm St} must come out equal.
 * Entities first, then the city, then the case.
 *
 * @param letterCase {@code upper}, {@code lower} or null to keep the case as written
 * @param decodeEntities decode HTML entities such as {@code &amp;} and {@code &#39;}, which some portals write
 * @param stripCities cities whose name at the end of an address is removed, with what follows it: a state
 *     abbreviation and a ZIP code ({@code , NEW YORK, NY 10027}, {@code  BOSTON MA 02118})
 */
public record AddressMapping(String letterCase, boolean decodeEntities, List<String> stripCities) {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});");

    public AddressMapping {
        // longest first, so that "South Boston" goes whole before "Boston" could take half of it
        stripCities = stripCities.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** As written. */
    public static AddressMapping asWritten() {
        return new AddressMapping(null, false, List.of());
    }

    /** The tidied address; null when nothing is left. */
    public String normalize(String address) {
        if (address == null) {
            return null;
        }
        String a = decodeEntities ? decode(address) : address;
        for (String city : stripCities) {
            a = a.replaceFirst("(?i)[\\s,]+" + Pattern.quote(city)
                    + "(?:[\\s,]+[A-Za-z]{2})?(?:[\\s,]+\\d{5}(?:-\\d{4})?)?[\\s,]*$", "");
        }
        a = a.trim().replaceAll("\\s{2,}", " ");
        if ("upper".equals(letterCase)) {
            a = a.toUpperCase(Locale.ROOT);
        } else if ("lower".equals(letterCase)) {
            a = a.toLowerCase(Locale.ROOT);
        }
        return a.isEmpty() ? null : a;
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String decoded = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> e.startsWith("#") ? codePoint(e) : null;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded == null ? m.group() : decoded));
        }
        return m.appendTail(out).toString();
    }

    private static String codePoint(String e) {
        int cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                : Integer.parseInt(e.substring(1));
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
    }
}
