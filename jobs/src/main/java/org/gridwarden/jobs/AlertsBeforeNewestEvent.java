package org.gridwarden.jobs;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.model.Alert;

/**
 * Drops, inside a bounded job without a given horizon, the alerts after the newest event time read: at end of
 * input every open deadline fires, and on two megacity days the client collected 15 times the alerts it kept,
 * only to drop them, for a quarter more CPU than with {@code --until}. The bound comes from every
 * {@link NewestEventTime} task; in BATCH mode the broadcast side is read to its end before the first alert, so
 * the bound is complete for every alert.
 * Until it is complete (STREAMING mode) alerts pass, and the client's exact horizon decides.
 *
 * <p>The bound counts every valid record read, the horizon only those the duplicate check admitted, so it
 * can lie above the horizon (a conflicting version newer than all else), never below: this filter drops
 * nothing the client's {@link org.gridwarden.rules.alert.BeforeHorizon} would keep.
 */
final class AlertsBeforeNewestEvent extends BroadcastProcessFunction<Alert, NewestEventTime.Reading, Alert> {

    static final MapStateDescriptor<String, NewestEventTime.Reading> READINGS = new MapStateDescriptor<>(
            "newest-event-time-readings", Types.STRING, TypeInformation.of(NewestEventTime.Reading.class));

    private final int readers;
    private transient LongCounter after;
    private transient Instant bound;

    /** @param readers how many {@link NewestEventTime} operators feed the broadcast side */
    AlertsBeforeNewestEvent(int readers) {
        this.readers = readers;
    }

    @Override
    public void open(OpenContext openContext) {
        after = getRuntimeContext().getLongCounter(AlertsBeforeHorizon.AFTER_HORIZON);
    }

    @Override
    public void processBroadcastElement(NewestEventTime.Reading reading, Context ctx, Collector<Alert> out)
            throws Exception {
        ctx.getBroadcastState(READINGS).put(reading.reader() + "#" + reading.subtask(), reading);
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        Instant newest = bound(ctx.getBroadcastState(READINGS));
        if (newest == null || !alert.eventTime().isAfter(newest)) {
            out.collect(alert);
        } else {
            after.add(1);
        }
    }

    /** The newest event time of all tasks once each has sent its reading, else null. */
    private Instant bound(ReadOnlyBroadcastState<String, NewestEventTime.Reading> readings) throws Exception {
        if (bound != null) {
            return bound;
        }
        Map<String, Integer> received = new HashMap<>();
        Map<String, Integer> expected = new HashMap<>();
        long newest = Long.MIN_VALUE;
        for (Map.Entry<String, NewestEventTime.Reading> e : readings.immutableEntries()) {
            NewestEventTime.Reading r = e.getValue();
            received.merge(r.reader(), 1, Integer::sum);
            expected.put(r.reader(), r.subtasks());
            newest = Math.max(newest, r.eventTimeMillis());
        }
        if (received.size() == readers && received.equals(expected)) {
            // complete readings never change again: no task sends twice
            bound = Instant.ofEpochMilli(newest);
        }
        return bound;
    }
}
