package org.gridwarden.rules.keyed;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.model.Alert;

/**
 * The handlers of one keyed operator and the buffer they share: what {@link HandlersByKey} and
 * {@link HandlersUpToNewestEvent} run, whichever Flink function carries them.
 */
final class KeyedHandlers<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a handler's records for families keyed otherwise go: the Flink context at hand. */
    interface SideOutputs {
        <O> void output(OutputTag<O> tag, O record);
    }

    private final List<KeyedHandler<T>> handlers;
    private final boolean buffered;

    private transient Buffering<T> buffering;
    private transient EventTimeBuffer<T> pending;
    private transient Scope scope;

    KeyedHandlers(List<KeyedHandler<T>> handlers) {
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("a keyed operator of rule families needs at least one handler");
        }
        this.handlers = List.copyOf(handlers);
        this.buffered = handlers.stream().anyMatch(KeyedHandler::readsInOrder);
    }

    void open(RuntimeContext runtime, Buffering<T> buffering) {
        this.buffering = buffering;
        if (buffered) {
            pending = EventTimeBuffer.open(runtime, "pending-events", buffering.type(), buffering.dueAt(),
                    buffering.order());
        }
        handlers.forEach(h -> h.open(runtime));
        scope = new Scope();
    }

    /** @param bound no alert after it is raised ({@link KeyScope#raises}); null: none known */
    void arrived(T record, TimerService timers, Collector<Alert> out, SideOutputs side, Instant bound)
            throws Exception {
        scope.at(timers, out, side, bound);
        for (KeyedHandler<T> h : handlers) {
            h.arrived(record, scope);
        }
        if (buffered) {
            pending.add(buffering.id().apply(record), record, timers);
        }
    }

    void onTimer(long timestamp, TimerService timers, Collector<Alert> out, SideOutputs side, Instant bound)
            throws Exception {
        scope.at(timers, out, side, bound);
        List<T> ready = buffered ? pending.takeReady(timestamp) : List.of();
        for (KeyedHandler<T> h : handlers) {
            h.onTimer(timestamp, ready, scope);
        }
    }

    private final class Scope implements KeyScope<T> {

        private TimerService timers;
        private Collector<Alert> out;
        private SideOutputs side;
        private Instant bound;

        void at(TimerService timers, Collector<Alert> out, SideOutputs side, Instant bound) {
            this.timers = timers;
            this.out = out;
            this.side = side;
            this.bound = bound;
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public boolean raises(Instant eventTime) {
            return bound == null || !eventTime.isAfter(bound);
        }

        @Override
        public void registerTimer(long time) {
            timers.registerEventTimeTimer(time);
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
            timers.deleteEventTimeTimer(time);
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
            side.output(tag, record);
        }
    }
}
