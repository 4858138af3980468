package org.gridwarden.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Alert;

/**
 * The alerts read from the department topics, each at its first reading (a duplicate of an at-least-once
 * restart would only repeat it), and their latencies against the produced input; see {@link LiveLatencyBench}
 * for the definition.
 */
final class AlertLatencies implements BiConsumer<String, Alert> {

    private record Reading(long eventTime, long readAt, String ruleId) {}

    /** One measured alert: how late it was read, and the rule that raised it. */
    record Latency(long nanos, String ruleId) {}

    private final Set<String> seen = new HashSet<>();
    private final List<Reading> readings = new ArrayList<>();

    /** On the reader's thread, as each alert is read. */
    @Override
    public synchronized void accept(String topic, Alert alert) {
        long readAt = System.nanoTime();
        if (seen.add(alert.alertId())) {
            readings.add(new Reading(alert.eventTime().toEpochMilli(), readAt, alert.ruleId()));
        }
    }

    /**
     * The alerts read so far; the latencies of those decided from {@code from} to {@code to} (System.nanoTime,
     * the decision being the production of the alert's first line at or after its event time).
     */
    Snapshot measure(RecordedInput input, PacedProducer producer, long from, long to) {
        List<Reading> now;
        synchronized (this) {
            now = List.copyOf(readings);
        }
        int produced = producer.produced();
        List<Latency> measured = new ArrayList<>();
        int unmatched = 0;
        for (Reading r : now) {
            int first = input.firstAtOrAfter(r.eventTime());
            if (first >= produced) {
                unmatched++;
                continue;
            }
            long decided = producer.producedAt(first);
            if (decided >= from && decided < to) {
                measured.add(new Latency(r.readAt() - decided, r.ruleId()));
            }
        }
        measured.sort(Comparator.comparingLong(Latency::nanos));
        return new Snapshot(now.size(), unmatched, measured);
    }

    /** Latencies at one moment, in nanoseconds, ascending. */
    static final class Snapshot {

        final int read;
        final int unmatched;
        private final List<Latency> sorted;

        /** @param sorted the measured alerts, by latency ascending */
        Snapshot(int read, int unmatched, List<Latency> sorted) {
            this.read = read;
            this.unmatched = unmatched;
            this.sorted = sorted;
        }

        int measured() {
            return sorted.size();
        }

        /** Nearest rank: the smallest latency at least {@code percent} % of the alerts do not exceed; NaN if none. */
        double percentileMillis(double percent) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get(rank(percent)).nanos() / 1e6;
        }

        double minMillis() {
            return sorted.isEmpty() ? Double.NaN : sorted.get(0).nanos() / 1e6;
        }

        double maxMillis() {
            return percentileMillis(100);
        }

        /**
         * The rules of the alerts later than the {@code percent} percentile, most first, with their counts (for
         * instance {@code "REPEAT_COMPLAINT 31, OVERDUE_CASE 9"}): which rules the tail belongs to. Empty if none.
         */
        String rulesBeyond(double percent) {
            if (sorted.isEmpty()) {
                return "";
            }
            Map<String, Long> counts = sorted.subList(rank(percent) + 1, sorted.size()).stream()
                    .collect(Collectors.groupingBy(Latency::ruleId, TreeMap::new, Collectors.counting()));
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        private int rank(double percent) {
            return Math.max(0, (int) Math.ceil(percent / 100 * sorted.size()) - 1);
        }
    }
}
