package org.gridwarden.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mapping's tables are looked up trimmed and without regard to case: exports spell the same value
 * differently over the years ({@code Phone}, {@code PHONE}). Of two keys equal so, the first in the file counts.
 */
final class Tables {

    private Tables() {}

    static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    static <V> Map<String, V> byKey(Map<String, V> table) {
        Map<String, V> byKey = new LinkedHashMap<>();
        table.forEach((k, v) -> byKey.putIfAbsent(key(k), v));
        return Map.copyOf(byKey);
    }
}
