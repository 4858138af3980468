package org.gridwarden.jobs.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Records planned for later (the rest of a case's life, a hazard's clearance), released a day at a time in
 * event-time order; ties keep the order in which they were planned, so the output is deterministic.
 */
final class Schedule<T> {

    private record Entry<T>(Instant at, long seq, T item) {}

    private final PriorityQueue<Entry<T>> queue = new PriorityQueue<>(
            Comparator.<Entry<T>, Instant>comparing(Entry::at).thenComparingLong(Entry::seq));
    private long seq;

    void add(Instant at, T item) {
        queue.add(new Entry<>(at, seq++, item));
    }

    /** Removes and returns, in order, everything planned before {@code end}. */
    List<T> takeBefore(Instant end) {
        List<T> due = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().at().isBefore(end)) {
            due.add(queue.poll().item());
        }
        return due;
    }
}
