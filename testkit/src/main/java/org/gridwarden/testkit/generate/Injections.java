package org.gridwarden.testkit.generate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The failures injected on purpose, each with the event time at which its rule must raise the alert. */
final class Injections {

    private final Map<FailureMode, Map<String, Instant>> byMode = new EnumMap<>(FailureMode.class);

    Injections() {
        for (FailureMode mode : FailureMode.values()) {
            byMode.put(mode, new TreeMap<>());
        }
    }

    /** One alert per key: when a key is injected twice, the earlier alert is the one the rule raises. */
    void add(FailureMode mode, String key, Instant alertAt) {
        byMode.get(mode).merge(key, alertAt, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** Sorted keys per rule id whose alert falls at or before the horizon, every rule listed. */
    Map<String, List<String>> by(Instant horizon) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        byMode.forEach((mode, keys) -> result.put(mode.name(), keys.entrySet().stream()
                .filter(e -> horizon != null && !e.getValue().isAfter(horizon)).map(Map.Entry::getKey).toList()));
        return result;
    }
}
