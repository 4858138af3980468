package org.gridwarden.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.gridwarden.rules.model.Alert;

/**
 * The alerts read from the department topics, each at its first reading (a duplicate of an at-least-once
 * restart would only repeat it), and their latencies against the produced input; see {@link LiveLatencyBench}
 * for the definition.
 */
final class AlertLatencies implements BiConsumer<String, Alert> {

    private record Reading(long eventTime, long readAt) {}

    private final Set<String> seen = new HashSet<>();
    private final List<Reading> readings = new ArrayList<>();

    /** On the reader's thread, as each alert is read. */
    @Override
    public synchronized void accept(String topic, Alert alert) {
        long readAt = System.nanoTime();
        if (seen.add(alert.alertId())) {
            readings.add(new Reading(alert.eventTime().toEpochMilli(), readAt));
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
        long[] latencies = new long[now.size()];
        int measured = 0;
        int unmatched = 0;
        for (Reading r : now) {
            int first = input.firstAtOrAfter(r.eventTime());
            if (first >= produced) {
                unmatched++;
                continue;
            }
            long decided = producer.producedAt(first);
            if (decided >= from && decided < to) {
                latencies[measured++] = r.readAt() - decided;
            }
        }
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        return new Snapshot(now.size(), unmatched, sorted);
    }

    /** Latencies at one moment, in nanoseconds, ascending. */
    static final class Snapshot {

        final int read;
        final int unmatched;
        private final long[] sorted;

        private Snapshot(int read, int unmatched, long[] sorted) {
            this.read = read;
            this.unmatched = unmatched;
            this.sorted = sorted;
        }

        int measured() {
            return sorted.length;
        }

        /** Nearest rank: the smallest latency at least {@code percent} % of the alerts do not exceed; NaN if none. */
        double percentileMillis(double percent) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        double minMillis() {
            return sorted.length == 0 ? Double.NaN : sorted[0] / 1e6;
        }

        double maxMillis() {
            return percentileMillis(100);
        }
    }
}
