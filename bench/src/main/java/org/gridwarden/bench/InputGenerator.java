package org.gridwarden.bench;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.model.Ingested;

/**
 * Turns input positions {@code 0 .. positions-1} into records in event-time order, {@code span} of event time
 * in all. The last position is a marker record {@link #MARKER_DELAY} after the span, so that the watermark
 * passes every real record and the rules apply everything they buffered; it is chosen per workload so that it
 * adds at most one key of state.
 */
abstract class InputGenerator implements FlatMapFunction<Long, Ingested> {

    static final Instant START = Instant.parse("2026-03-01T16:00:00Z"); // 00:00 on 2 March in the district
    static final Duration MARKER_DELAY = Duration.ofHours(2);

    private static final long serialVersionUID = 1L;

    protected final SyntheticDistrict district;
    protected final long positions;
    private final long spanMillis;

    InputGenerator(SyntheticDistrict district, long positions, Duration span) {
        this.district = district;
        this.positions = positions;
        this.spanMillis = span.toMillis();
    }

    /** Event time of the marker: nothing else is this late. */
    Instant markerTime() {
        return START.plusMillis(spanMillis).plus(MARKER_DELAY);
    }

    Instant timeOf(long position) {
        return START.plusMillis((long) ((double) position / positions * spanMillis));
    }

    @Override
    public final void flatMap(Long position, Collector<Ingested> out) {
        Progress.FIRST_RECORD_AT.compareAndSet(0, System.currentTimeMillis());
        Collector<Ingested> counted = new Collector<>() {
            @Override
            public void collect(Ingested record) {
                Progress.RECORDS.incrementAndGet();
                out.collect(record);
            }

            @Override
            public void close() {}
        };
        if (position == positions - 1) {
            counted.collect(marker(markerTime()));
        } else {
            generate(position, timeOf(position), counted);
        }
        Progress.POSITIONS.incrementAndGet();
    }

    /** Emits the records of one position, all at {@code at}. */
    abstract void generate(long position, Instant at, Collector<Ingested> out);

    abstract Ingested marker(Instant at);
}
