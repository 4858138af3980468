package org.gridwarden.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.gridwarden.rules.model.Ingested;

/**
 * The two decoded input streams as one, in event-time order, admitted as the job admits them: dead letters and
 * exact duplicates (the same reportId or eventId again within the duplicate retention) are counted and
 * dropped; a record waits in a buffer until the watermark (the lower of the two streams' newest event time,
 * less the allowed lateness) passes it, and a record already behind the watermark is late, counted and
 * dropped (the job dead-letters it). At one event time, ledger events come in the order of their type, then
 * id, as the overdue rule applies them.
 */
final class TimeOrder {

    /** An admitted record with its event time and its place among records of the same time. */
    record Timed(long time, int rank, String id, Ingested record) {}

    private static final Comparator<Timed> EVENT_TIME_ORDER = Comparator.comparingLong(Timed::time)
            .thenComparingInt(Timed::rank).thenComparing(Timed::id);

    private final Input[] inputs;
    private final long lateness;
    private final long duplicateRetention;
    private final PriorityQueue<Timed> buffer = new PriorityQueue<>(EVENT_TIME_ORDER);
    /** Ids seen, oldest first, with their event time: the oldest are forgotten after the retention. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private long watermark = Long.MIN_VALUE;
    private long records;
    private long deadLetters;
    private long duplicates;
    private long late;
    private long newest = Long.MIN_VALUE;

    TimeOrder(Iterator<Ingested> gridReports, Iterator<Ingested> ledgerEvents, Duration allowedLateness,
            Duration duplicateRetention) {
        this.inputs = new Input[] {new Input(gridReports), new Input(ledgerEvents)};
        this.lateness = allowedLateness.toMillis();
        this.duplicateRetention = duplicateRetention.toMillis();
    }

    /** Reads both streams to their end, reading next from the one further behind in event time. */
    void drainTo(Consumer<Timed> out) {
        for (Input in = behind(); in != null; in = behind()) {
            if (in.records.hasNext()) {
                admit(in, in.records.next());
            } else {
                in.done = true;
            }
            watermark = watermark();
            while (!buffer.isEmpty() && buffer.peek().time() <= watermark) {
                out.accept(buffer.poll());
            }
        }
        while (!buffer.isEmpty()) {
            out.accept(buffer.poll());
        }
    }

    private void admit(Input in, Ingested r) {
        records++;
        if (!r.isValid()) {
            deadLetters++;
            return;
        }
        long t = r.eventTimeMillis();
        if (seen.putIfAbsent(r.dedupeKey(), t) != null) {
            duplicates++;
            return;
        }
        if (t <= watermark) {
            late++;
            return;
        }
        in.newest = Math.max(in.newest, t);
        newest = Math.max(newest, t);
        forgetIdsBefore(newest - duplicateRetention);
        buffer.add(r.ledgerEvent() != null
                ? new Timed(t, r.ledgerEvent().type().ordinal(), r.ledgerEvent().eventId(), r)
                : new Timed(t, -1, r.report().reportId(), r));
    }

    private void forgetIdsBefore(long limit) {
        Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue() < limit) {
            oldest.remove();
        }
    }

    /** The input not yet at its end whose newest event time is the earliest, or null when both are done. */
    private Input behind() {
        Input behind = null;
        for (Input in : inputs) {
            if (!in.done && (behind == null || in.newest < behind.newest)) {
                behind = in;
            }
        }
        return behind;
    }

    /** As Flink's bounded out-of-orderness watermark, the lower of the inputs still running. */
    private long watermark() {
        long w = Long.MAX_VALUE;
        for (Input in : inputs) {
            if (!in.done) {
                w = Math.min(w, in.newest == Long.MIN_VALUE ? Long.MIN_VALUE : in.newest - lateness - 1);
            }
        }
        return Math.max(w, watermark);
    }

    long records() {
        return records;
    }

    long deadLetters() {
        return deadLetters;
    }

    long duplicates() {
        return duplicates;
    }

    long late() {
        return late;
    }

    /** The newest event time admitted: a replay's horizon, after which nothing has happened yet. */
    long horizon() {
        return newest;
    }

    private static final class Input {
        final Iterator<Ingested> records;
        long newest = Long.MIN_VALUE;
        boolean done;

        Input(Iterator<Ingested> records) {
            this.records = records;
        }
    }
}
