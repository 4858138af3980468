package org.gridwarden.rules.casekey;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.wire.IdKey;

/**
 * The one operator keyed by case (案件): every rule family that follows a case (overdue and sign-for, the
 * closure facts of 案结事不了, the hazard cases of 巡查未发现) runs here as a {@link CaseHandler}, so a ledger
 * event crosses the network once for all of them and is buffered once for those that read in order.
 *
 * <p>Alerts are the main output; facts for families keyed otherwise go to side outputs. Timers are coalesced:
 * one per case and time, kept while any handler or buffered event needs it.
 */
public final class CaseRules extends KeyedProcessFunction<Tuple2<Long, Long>, LedgerEvent, Alert> {

    public static final String UID = "case-rules";
    /** Ledger events by the 128-bit key of their case id. */
    public static final IdKey<LedgerEvent> KEY = IdKey.by(LedgerEvent::caseId);

    /** Same-time events of a case in a fixed order, so every run and every handler agrees. */
    private static final Comparator<LedgerEvent> EVENT_TIME_ORDER = Comparator.comparing(LedgerEvent::at)
            .thenComparing(LedgerEvent::type)
            .thenComparing(LedgerEvent::eventId);

    private final List<CaseHandler> handlers;
    private final boolean buffered;

    private transient EventTimeBuffer<LedgerEvent> pending;
    private transient Scope scope;

    public CaseRules(List<CaseHandler> handlers) {
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("the operator keyed by case needs at least one handler");
        }
        this.handlers = List.copyOf(handlers);
        this.buffered = handlers.stream().anyMatch(CaseHandler::readsInOrder);
    }

    /** The ledger events keyed by case through the handlers; the families take their side outputs from it. */
    public static SingleOutputStreamOperator<Alert> wire(DataStream<LedgerEvent> ledgerEvents,
            List<CaseHandler> handlers, RuleContext ctx) {
        return ledgerEvents
                .keyBy(KEY)
                .process(new CaseRules(handlers))
                .uid(ctx.uid(UID))
                .name("Rules by case (案件): " + handlers.stream().map(CaseHandler::name)
                        .collect(Collectors.joining(", ")));
    }

    @Override
    public void open(OpenContext openContext) {
        if (buffered) {
            pending = EventTimeBuffer.open(getRuntimeContext(), "pending-events", LedgerEvent.class,
                    LedgerEvent::at, EVENT_TIME_ORDER);
        }
        handlers.forEach(h -> h.open(getRuntimeContext()));
        scope = new Scope();
    }

    @Override
    public void processElement(LedgerEvent event, Context ctx, Collector<Alert> out) throws Exception {
        scope.at(ctx, out);
        for (CaseHandler h : handlers) {
            h.arrived(event, scope);
        }
        if (buffered) {
            pending.add(event.eventId(), event, ctx.timerService());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        scope.at(ctx, out);
        List<LedgerEvent> ready = buffered ? pending.takeReady(timestamp) : List.of();
        for (CaseHandler h : handlers) {
            h.onTimer(timestamp, ready, scope);
        }
    }

    private final class Scope implements CaseScope {

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
        public void deleteTimer(CaseHandler owner, long time) throws Exception {
            if (buffered && pending.needsTimerAt(time)) {
                return;
            }
            for (CaseHandler h : handlers) {
                if (h != owner && h.needsTimerAt(time)) {
                    return;
                }
            }
            ctx.timerService().deleteEventTimeTimer(time);
        }

        @Override
        public EventTimeBuffer<LedgerEvent> pending() {
            return pending;
        }

        @Override
        public void alert(Alert alert) {
            out.collect(alert);
        }

        @Override
        public <T> void emit(OutputTag<T> tag, T record) {
            ctx.output(tag, record);
        }
    }
}
