package org.gridwarden.rules.metrics;

/**
 * Names of the job's own metrics (besides the ingest counters in
 * {@link org.gridwarden.rules.ingest.IngestCounters}). Labels are Flink key/value metric groups, so tag-based
 * reporters such as Prometheus export them as labels of one metric rather than as one metric per value.
 * docs/metrics.md lists every metric with its scope.
 */
public final class AlertMetrics {

    /** Counter: alerts emitted, under the groups {@link #RULE}, {@link #LEVEL} and {@link #DEPARTMENT}. */
    public static final String ALERTS = "alerts";
    /** Counter: records sent to the dead letters, under the group {@link #REASON}. */
    public static final String DEAD_LETTERS = "dead-letters";
    /** Gauge: wall clock minus the operator's current watermark, in milliseconds. */
    public static final String EVENT_TIME_LAG = "event-time-lag-ms";

    public static final String RULE = "rule";
    public static final String LEVEL = "level";
    public static final String DEPARTMENT = "department";
    public static final String REASON = "reason";

    private AlertMetrics() {}
}
