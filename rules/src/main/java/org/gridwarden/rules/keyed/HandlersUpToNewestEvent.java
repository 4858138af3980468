package org.gridwarden.rules.keyed;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.model.Alert;

/**
 * {@link HandlersByKey} in a bounded run whose horizon is learned inside the job ({@link NewestEventBound}): a
 * handler that asks {@link KeyScope#raises} (the overdue rule) raises nothing after the newest event time read.
 * At the end of a replay without {@code --until} every open case's deadlines fire: on two megacity days 263,751
 * of the 317,505 alerts built, each written, texts and all, only for the horizon cut to drop it.
 *
 * @param <T> the records of a key
 */
public abstract class HandlersUpToNewestEvent<T>
        extends KeyedBroadcastProcessFunction<Tuple2<Long, Long>, T, Reading, Alert> {

    private final KeyedHandlers<T> handlers;
    private final NewestEventBound newest;
    private transient Side side;

    /** @param readers how many reading operators feed the broadcast side */
    protected HandlersUpToNewestEvent(List<KeyedHandler<T>> handlers, int readers) {
        this.handlers = new KeyedHandlers<>(handlers);
        this.newest = new NewestEventBound(readers);
    }

    /** As {@link HandlersByKey#buffering()}. */
    protected abstract Buffering<T> buffering();

    @Override
    public void open(OpenContext openContext) {
        handlers.open(getRuntimeContext(), buffering());
        side = new Side();
    }

    @Override
    public void processBroadcastElement(Reading reading, Context ctx, Collector<Alert> out) throws Exception {
        newest.record(reading, ctx.getBroadcastState(NewestEventBound.READINGS));
    }

    @Override
    public void processElement(T record, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        side.ctx = ctx;
        handlers.arrived(record, ctx.timerService(), out, side, bound(ctx));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        side.ctx = ctx;
        handlers.onTimer(timestamp, ctx.timerService(), out, side, bound(ctx));
    }

    private Instant bound(ReadOnlyContext ctx) throws Exception {
        return newest.bound(ctx.getBroadcastState(NewestEventBound.READINGS));
    }

    private final class Side implements KeyedHandlers.SideOutputs {

        private ReadOnlyContext ctx;

        @Override
        public <O> void output(OutputTag<O> tag, O record) {
            ctx.output(tag, record);
        }
    }
}
