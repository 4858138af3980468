package org.gridwarden.testkit.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records planned for later (the rest of a case's life, a hazard's clearance), released a day at a time in
 * event-time order; ties keep the order in which they were planned, so the output is deterministic. Kept as
 * planned and put in order only once released, on whichever thread writes them: a city plans hundreds of
 * thousands of records a day, which a heap or an index would shuffle about far more.
 */
final class Schedule<T> {

    /** Ordered by event time, then by the order planned. */
    private record Entry<T>(long second, int nano, long seq, T item) implements Comparable<Entry<T>> {
        @Override
        public int compareTo(Entry<T> other) {
            if (second != other.second) {
                return Long.compare(second, other.second);
            }
            return nano != other.nano ? Integer.compare(nano, other.nano) : Long.compare(seq, other.seq);
        }
    }

    /** Records taken out of the schedule, not yet in order. */
    static final class Released<T> {
        private final List<Entry<T>> entries;

        private Released(List<Entry<T>> entries) {
            this.entries = entries;
        }

        /** The records in event-time order, ties in the order planned. */
        List<T> inOrder() {
            Collections.sort(entries);
            List<T> items = new ArrayList<>(entries.size());
            entries.forEach(e -> items.add(e.item()));
            return items;
        }
    }

    private List<Entry<T>> pending = new ArrayList<>();
    private long seq;

    void add(Instant at, T item) {
        pending.add(new Entry<>(at.getEpochSecond(), at.getNano(), seq++, item));
    }

    /** How many records have been planned so far. */
    long planned() {
        return seq;
    }

    /** Removes everything planned before {@code end}, to be put in order later. */
    Released<T> releaseBefore(Instant end) {
        List<Entry<T>> due = new ArrayList<>();
        List<Entry<T>> later = new ArrayList<>(pending.size());
        for (Entry<T> e : pending) {
            (before(e, end) ? due : later).add(e);
        }
        pending = later;
        return new Released<>(due);
    }

    private static boolean before(Entry<?> e, Instant end) {
        return e.second() < end.getEpochSecond() || (e.second() == end.getEpochSecond() && e.nano() < end.getNano());
    }
}
