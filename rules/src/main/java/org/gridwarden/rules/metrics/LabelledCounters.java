package org.gridwarden.rules.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * One counter per combination of label values, created on first use: the combinations (rule × level ×
 * department, or dead-letter reasons) are few but not known in advance. Each counter sits under nested
 * key/value groups, e.g. {@code rule=OVERDUE_CASE, level=OVERDUE, department=urban-management}. Not thread-safe:
 * one instance per operator instance, used from its task thread.
 */
public final class LabelledCounters {

    private final MetricGroup parent;
    private final List<String> keys;
    private final String name;
    private final Map<List<String>, Counter> counters = new HashMap<>();

    public LabelledCounters(MetricGroup parent, String name, String... keys) {
        this.parent = parent;
        this.name = name;
        this.keys = List.of(keys);
    }

    /** Increments the counter of these label values, given in the order of the keys. */
    public void inc(String... values) {
        if (values.length != keys.size()) {
            throw new IllegalArgumentException("expected values for " + keys + ", got " + Arrays.toString(values));
        }
        counters.computeIfAbsent(List.of(values), this::register).inc();
    }

    private Counter register(List<String> values) {
        MetricGroup group = parent;
        for (int i = 0; i < keys.size(); i++) {
            group = group.addGroup(keys.get(i), values.get(i));
        }
        return group.counter(name);
    }
}
