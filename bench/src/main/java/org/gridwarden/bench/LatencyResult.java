package org.gridwarden.bench;

/**
 * What one run of {@link LiveLatencyBench} measured. Latencies are of the alerts decided in the measured window
 * (NaN when there were none), in milliseconds.
 *
 * @param produced input lines produced in the whole run, warm-up and drain included
 * @param achievedEventsPerSecond lines produced per second in the measured window
 * @param backlogAtWindowEnd lines produced and not yet consumed by the job when the window ended, as of its last
 *     completed checkpoint (so up to a checkpoint interval of lines even when it keeps up); -1 if the run stopped
 *     before
 * @param alertsRead distinct alerts read from the department topics in the whole run
 * @param alertsMeasured of those, the alerts decided in the measured window
 * @param unmatched alerts read whose event time no produced line reaches (none, unless something is wrong)
 * @param rulesBeyondP99 the rules of the measured alerts later than p99, most first with their counts
 */
public record LatencyResult(LatencySettings settings, long produced, double achievedEventsPerSecond,
        long backlogAtWindowEnd, int alertsRead, int alertsMeasured, int unmatched, double minMillis, double p50Millis,
        double p95Millis, double p99Millis, double maxMillis, String rulesBeyondP99) {}
