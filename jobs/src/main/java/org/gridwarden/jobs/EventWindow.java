package org.gridwarden.jobs;

import java.time.Instant;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.gridwarden.rules.model.Ingested;

/**
 * Lets through the input records whose event time lies in {@code [from, to)} (either end open when null), and
 * counts what was read, before any copy of the rules sees them. Records that failed decoding have no event
 * time; they pass, as they raise no alert.
 */
public final class EventWindow extends RichFilterFunction<Ingested> {

    /** Input records read, in the window or not. */
    public static final String READ = "window-records-read";
    /** Input records let through to the rules. */
    public static final String IN_WINDOW = "window-records-in";
    /** The newest event time read so far, in epoch millis: how far through the history the sources are. */
    public static final String NEWEST_READ = "window-newest-event-read";

    private final Long fromMillis;
    private final Long toMillis;

    private transient LongCounter read;
    private transient LongCounter inWindow;
    private transient LongMaximum newestRead;

    public EventWindow(Instant from, Instant to) {
        this.fromMillis = from == null ? null : from.toEpochMilli();
        this.toMillis = to == null ? null : to.toEpochMilli();
    }

    @Override
    public void open(OpenContext openContext) {
        read = getRuntimeContext().getLongCounter(READ);
        inWindow = getRuntimeContext().getLongCounter(IN_WINDOW);
        // both streams' windows may share a task: add the maximum only once
        Accumulator<Long, Long> existing = getRuntimeContext().getAccumulator(NEWEST_READ);
        if (existing instanceof LongMaximum max) {
            newestRead = max;
        } else {
            newestRead = new LongMaximum();
            getRuntimeContext().addAccumulator(NEWEST_READ, newestRead);
        }
    }

    @Override
    public boolean filter(Ingested record) {
        read.add(1);
        long t = record.eventTimeMillis();
        boolean keep = t == Long.MIN_VALUE
                || (fromMillis == null || t >= fromMillis) && (toMillis == null || t < toMillis);
        if (t != Long.MIN_VALUE) {
            newestRead.add(t);
        }
        if (keep) {
            inWindow.add(1);
        }
        return keep;
    }
}
