package org.gridwarden.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters that the job's generator and alert counter update and the benchmark reads: the MiniCluster runs in
 * the benchmark's JVM and class loader, so they are the same objects. One run at a time.
 */
final class Progress {

    /** Input positions generated (each becomes zero or more records). */
    static final AtomicLong POSITIONS = new AtomicLong();
    /** Records the generator emitted. */
    static final AtomicLong RECORDS = new AtomicLong();
    static final AtomicLong ALERTS = new AtomicLong();
    /** Wall-clock millis of the first record, 0 before it. */
    static final AtomicLong FIRST_RECORD_AT = new AtomicLong();

    private Progress() {}

    static void reset() {
        POSITIONS.set(0);
        RECORDS.set(0);
        ALERTS.set(0);
        FIRST_RECORD_AT.set(0);
    }
}
