package org.gridwarden.jobs;

import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.model.Alert;

/**
 * Drops, inside a bounded job without a given horizon, the alerts after the newest event time read: at end of
 * input every open deadline fires. The families that raise most of those (the operator keyed by case) stop at
 * the same {@link NewestEventBound} before building them; this cut catches the rest.
 * Until the bound is complete (STREAMING mode) alerts pass, and the client's exact horizon decides.
 */
final class AlertsBeforeNewestEvent extends BroadcastProcessFunction<Alert, Reading, Alert> {

    private final NewestEventBound newest;
    private transient LongCounter after;

    /** @param readers how many {@link NewestEventTime} operators feed the broadcast side */
    AlertsBeforeNewestEvent(int readers) {
        this.newest = new NewestEventBound(readers);
    }

    @Override
    public void open(OpenContext openContext) {
        after = getRuntimeContext().getLongCounter(AlertsBeforeHorizon.AFTER_HORIZON);
    }

    @Override
    public void processBroadcastElement(Reading reading, Context ctx, Collector<Alert> out) throws Exception {
        newest.record(reading, ctx.getBroadcastState(NewestEventBound.READINGS));
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        Instant bound = newest.bound(ctx.getBroadcastState(NewestEventBound.READINGS));
        if (bound == null || !alert.eventTime().isAfter(bound)) {
            out.collect(alert);
        } else {
            after.add(1);
        }
    }
}
