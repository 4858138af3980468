package org.gridwarden.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;

/**
 * One end-to-end replay ({@link ReplayJob}: decode, validate, deduplicate, every rule family, enrich, route, write
 * the department files) over the benchmark's input, timed from submission to the last file written. Its horizon
 * is the end of the last generated day ({@code --until}), as a nightly run's is the end of its window.
 *
 * @param rules which rule families ran: {@link #ALL_RULES} or a named few
 * @param seconds wall time of {@link ReplayJob#run}, the local cluster's start included (a few seconds)
 * @param cpuSeconds CPU time of this process meanwhile: all threads, garbage collection and compilation included
 */
record ReplayThroughput(String rules, RuntimeExecutionMode mode, int parallelism, long records, long alerts,
        double seconds, double cpuSeconds) {

    static final String ALL_RULES = "all rules";

    static ReplayThroughput run(BenchInput input, Path out, int parallelism, RuntimeExecutionMode mode,
            PrintStream progress) throws Exception {
        return run(ALL_RULES, input, out, parallelism, mode, progress);
    }

    static ReplayThroughput run(String rules, BenchInput input, Path out, int parallelism, RuntimeExecutionMode mode,
            PrintStream progress) throws Exception {
        System.gc();
        long cpu = processCpuNanos();
        long began = System.nanoTime();
        ReplaySummary s = ReplayJob.run(new ReplayJob.Settings(input.dir(), out, input.end(), parallelism, mode),
                input.reference(), input.history(), progress);
        double seconds = (System.nanoTime() - began) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        if (!s.balances()) {
            throw new IOException("the replay's record counts do not balance: in " + s.in() + ", processed "
                    + s.processed() + ", dead-lettered " + s.deadLettered() + ", duplicates " + s.duplicates());
        }
        return new ReplayThroughput(rules, mode, parallelism, s.in(), s.alerts().size(), seconds, cpuSeconds);
    }

    boolean allRules() {
        return rules.equals(ALL_RULES);
    }

    double rate() {
        return records / seconds;
    }

    /** Records per CPU-second: the rate per core, fair on a machine shared with other work. */
    double cpuRate() {
        return records / cpuSeconds;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
