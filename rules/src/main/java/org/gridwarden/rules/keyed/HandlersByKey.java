package org.gridwarden.rules.keyed;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.model.Alert;

/**
 * One keyed operator for every rule family that shares a key: each family is a {@link KeyedHandler} with its
 * own state and timers, so a record crosses the network once for all of them and is buffered once for those
 * that read in order.
 *
 * <p>Alerts are the main output; facts for families keyed otherwise go to side outputs. Timers are coalesced:
 * one per key and time, kept while any handler or buffered record needs it. A bounded run without a known
 * horizon runs the same handlers in {@link HandlersUpToNewestEvent} instead.
 *
 * @param <T> the records of a key
 */
public abstract class HandlersByKey<T> extends KeyedProcessFunction<Tuple2<Long, Long>, T, Alert> {

    private final KeyedHandlers<T> handlers;
    private transient Side side;

    protected HandlersByKey(List<KeyedHandler<T>> handlers) {
        this.handlers = new KeyedHandlers<>(handlers);
    }

    /** How this key's records are buffered: a constant of the subclass, never shipped with the operator. */
    protected abstract Buffering<T> buffering();

    /** The handlers' names, for the operator's name. */
    protected static String names(List<? extends KeyedHandler<?>> handlers) {
        return handlers.stream().map(KeyedHandler::name).collect(Collectors.joining(", "));
    }

    @Override
    public void open(OpenContext openContext) {
        handlers.open(getRuntimeContext(), buffering());
        side = new Side();
    }

    @Override
    public void processElement(T record, Context ctx, Collector<Alert> out) throws Exception {
        side.ctx = ctx;
        handlers.arrived(record, ctx.timerService(), out, side, null);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        side.ctx = ctx;
        handlers.onTimer(timestamp, ctx.timerService(), out, side, null);
    }

    private final class Side implements KeyedHandlers.SideOutputs {

        private Context ctx;

        @Override
        public <O> void output(OutputTag<O> tag, O record) {
            ctx.output(tag, record);
        }
    }
}
