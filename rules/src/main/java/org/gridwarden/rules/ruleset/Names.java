package org.gridwarden.rules.ruleset;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists of names and "did you mean" hints, as the messages about rule sets and import mappings show them. */
public final class Names {

    private Names() {}

    /** {@code a, b and c}. */
    public static String list(Collection<String> names) {
        return joined(names, " and ");
    }

    /** {@code a, b or c}. */
    public static String either(Collection<String> names) {
        return joined(names, " or ");
    }

    private static String joined(Collection<String> names, String last) {
        List<String> all = List.copyOf(names);
        if (all.size() <= 1) {
            return String.join("", all);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + last + all.get(all.size() - 1);
    }

    /** {@code " (did you mean X?)"} for the known name closest to a misspelt one, or nothing when none is close. */
    public static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    static Optional<String> closest(String given, Collection<String> known) {
        int tolerance = Math.min(3, given.length() / 4); // short codes such as S09 are too alike to guess
        return known.stream()
                .filter(k -> distance(given.toLowerCase(), k.toLowerCase()) <= tolerance)
                .min(Comparator.comparingInt(k -> distance(given.toLowerCase(), k.toLowerCase())));
    }

    /** Edit distance (insertions, deletions, substitutions). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
