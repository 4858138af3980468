package org.gridwarden.bench;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One measured baseline (基准): how many input records it went through, in how much wall time, and what it
 * counted on the way (valid records and dead letters, alerts per rule and level).
 *
 * @param records input records read: every non-blank line of the files, dead letters included, the unit in
 *     which the replay counts what it read
 * @param bytes size of the files on disk
 * @param seconds wall time of the measured run
 * @param cpuSeconds CPU time of the process during the measured run (see {@link RunTimer})
 * @param counts what the run counted, by name, in a stable order
 */
public record BaselineResult(String name, long records, long bytes, double seconds, double cpuSeconds,
        Map<String, Long> counts) {

    /**
     * Runs per measurement by default: four to warm up, then the measured one. On two busy cores the JIT is
     * still compiling during the second and third run of the 365 generated days (its compiler threads count in
     * the CPU time); from the fourth on the runs take the same CPU time.
     */
    public static final int RUNS = 5;

    /**
     * Measures {@code runs} times and keeps the last run: the ones before warm the JIT (and the page cache), as
     * a long replay is warm for most of its records. Each run starts after a full garbage collection, so that
     * none pays for the garbage of the one before.
     */
    static BaselineResult lastOf(int runs, Supplier<BaselineResult> measure) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        BaselineResult last = null;
        for (int run = 0; run < runs; run++) {
            System.gc();
            last = measure.get();
        }
        return last;
    }

    /** Records per second of wall time. */
    public double rate() {
        return records / seconds;
    }

    /** Records per second of CPU time: the rate per core. */
    public double cpuRate() {
        return records / cpuSeconds;
    }

    public double bytesPerSecond() {
        return bytes / seconds;
    }

    /** A count by name, 0 when the run counted nothing of the kind. */
    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
