package org.gridwarden.rules.ingest;

/**
 * Names of the counters that account for every input record: in = processed + dead-lettered + duplicates,
 * where dead-lettered = invalid + late. Each is both a Flink metric and an accumulator, so a bounded run can
 * print the balance.
 */
public final class IngestCounters {

    public static final String IN = "records-in";
    public static final String PROCESSED = "records-processed";
    public static final String INVALID = "records-invalid";
    public static final String DUPLICATES = "records-duplicate";
    public static final String LATE = "records-late";
    /** The newest event time processed: the default horizon of a bounded run. */
    public static final String LATEST_EVENT_TIME = "latest-event-time";

    private IngestCounters() {}
}
