package org.gridwarden.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time and CPU time of this process since a run started. CPU time (also the garbage collector's and the
 * JIT compiler's) is the fairer cost on a machine shared with other processes, and the per-core figure.
 */
record RunTimer(long wallStart, long cpuStart) {

    static RunTimer start() {
        return new RunTimer(System.nanoTime(), processCpuNanos());
    }

    double seconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    double cpuSeconds() {
        return (processCpuNanos() - cpuStart) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
