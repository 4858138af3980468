package org.gridwarden.rules.keyed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.model.Alert;

/**
 * One keyed operator for every rule family that shares a key: each family is a {@link KeyedHandler} with its
 * own state and timers, so a record crosses the network once for all of them and is buffered once for those
 * that read in order.
 *
 * <p>Alerts are the main output; facts for families keyed otherwise go to side outputs. Timers are coalesced:
 * one per key and time, kept while any handler or buffered record needs it.
 *
 * @param <T> the records of a key
 */
public abstract class HandlersByKey<T> extends KeyedProcessFunction<Tuple2<Long, Long>, T, Alert> {

    /**
     * How the shared buffer holds records: their type, the id that replaces a second copy, when each is due and
     * the total order in which records due together are handed out, so every run and every handler agrees.
     */
    public record Buffering<T>(Class<T> type, Function<T, String> id, Function<T, Instant> dueAt,
            Comparator<T> order) {}

    private final List<KeyedHandler<T>> handlers;
    private final boolean buffered;

    private transient Buffering<T> buffering;
    private transient EventTimeBuffer<T> pending;
    private transient Scope scope;

    protected HandlersByKey(List<KeyedHandler<T>> handlers) {
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("a keyed operator of rule families needs at least one handler");
        }
        this.handlers = List.copyOf(handlers);
        this.buffered = handlers.stream().anyMatch(KeyedHandler::readsInOrder);
    }

    /** How this key's records are buffered: a constant of the subclass, never shipped with the operator. */
    protected abstract Buffering<T> buffering();

    /** The handlers' names, for the operator's name. */
    protected static String names(List<? extends KeyedHandler<?>> handlers) {
        return handlers.stream().map(KeyedHandler::name).collect(Collectors.joining(", "));
    }

    @Override
    public void open(OpenContext openContext) {
        buffering = buffering();
        if (buffered) {
            pending = EventTimeBuffer.open(getRuntimeContext(), "pending-events", buffering.type(), buffering.dueAt(),
                    buffering.order());
        }
        handlers.forEach(h -> h.open(getRuntimeContext()));
        scope = new Scope();
    }

    @Override
    public void processElement(T record, Context ctx, Collector<Alert> out) throws Exception {
        scope.at(ctx, out);
        for (KeyedHandler<T> h : handlers) {
            h.arrived(record, scope);
        }
        if (buffered) {
            pending.add(buffering.id().apply(record), record, ctx.timerService());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        scope.at(ctx, out);
        List<T> ready = buffered ? pending.takeReady(timestamp) : List.of();
        for (KeyedHandler<T> h : handlers) {
            h.onTimer(timestamp, ready, scope);
        }
    }

    private final class Scope implements KeyScope<T> {

        private Context ctx;
        private Collector<Alert> out;

        void at(Context ctx, Collector<Alert> out) {
            this.ctx = ctx;
            this.out = out;
        }

        @Override
        public long currentWatermark() {
            return ctx.timerService().currentWatermark();
        }

        @Override
        public void registerTimer(long time) {
            ctx.timerService().registerEventTimeTimer(time);
        }

        @Override
        public void deleteTimer(KeyedHandler<T> owner, long time) throws Exception {
            if (buffered && pending.needsTimerAt(time)) {
                return;
            }
            for (KeyedHandler<T> h : handlers) {
                if (h != owner && h.needsTimerAt(time)) {
                    return;
                }
            }
            ctx.timerService().deleteEventTimeTimer(time);
        }

        @Override
        public EventTimeBuffer<T> pending() {
            return pending;
        }

        @Override
        public void alert(Alert alert) {
            out.collect(alert);
        }

        @Override
        public <O> void emit(OutputTag<O> tag, O record) {
            ctx.output(tag, record);
        }
    }
}
