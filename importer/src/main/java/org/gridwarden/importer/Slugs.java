package org.gridwarden.importer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Identifiers made from a city's own names: {@code "Solid Waste"} → {@code solid-waste} (departments, grids),
 * {@code "Dirty Alley"} → {@code dirty_alley} (parts of category codes). Accents are dropped, every run of
 * other characters becomes one separator; a name that starts with a digit gets an {@code x} in front, since
 * codes start with a letter. Two names that differ only in punctuation share an identifier.
 */
final class Slugs {

    private Slugs() {}

    /** Lower case words joined by '-'; empty for a name without letters or digits. */
    static String id(String name) {
        return slug(name, "-");
    }

    /** Lower case words joined by '_', as the parts of a category code {@code <family>.<name>} are. */
    static String codePart(String name) {
        return slug(name, "_");
    }

    private static String slug(String name, String separator) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", separator)
                .replaceAll("^" + separator + "+|" + separator + "+$", "");
        return !slug.isEmpty() && Character.isDigit(slug.charAt(0)) ? "x" + slug : slug;
    }
}
