package org.gridwarden.rules.ingest;

/**
 * Names of the counters that account for every input record: in = processed + dead-lettered + duplicates,
 * where dead-lettered = invalid + late + conflicting. Each is both a Flink metric and an accumulator, so a bounded run can
 * print the balance.
 */
public final class IngestCounters {

    public static final String IN = "records-in";
    public static final String PROCESSED = "records-processed";
    public static final String INVALID = "records-invalid";
    public static final String DUPLICATES = "records-duplicate";
    public static final String LATE = "records-late";
    /** Same id as an admitted record, other content: dead-lettered as CONFLICTING_DUPLICATE. */
    public static final String CONFLICTING = "records-conflicting";
    /** Records that waited for the watermark before the version of their id was chosen (not part of the balance). */
    public static final String WAITING = "records-waiting";
    /** The newest event time processed: the default horizon of a bounded run. */
    public static final String LATEST_EVENT_TIME = "latest-event-time";

    private IngestCounters() {}
}
