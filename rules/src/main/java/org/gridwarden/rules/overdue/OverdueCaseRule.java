package org.gridwarden.rules.overdue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * Overdue cases (案件超期) and sign-for timeouts (签收超时), keyed by case id.
 *
 * <p>Events of a case may arrive out of order within the allowed lateness: each is buffered until the
 * watermark passes its time and then applied in event-time order, interleaved with the deadlines that fall
 * between them, so a CLOSED that arrives before its CREATED, or after a later REPLIED, changes nothing.
 * Deadlines are event-time timers: in live mode they fire when the watermark passes them (also on a quiet
 * night, as long as the watermark advances). At end of input (watermark at its maximum) every remaining
 * deadline is raised in order, so a replay must drop alerts after its horizon.
 *
 * <p>State: the case (one value) and the events not yet applied. A case is forgotten by a clean-up timer,
 * {@code closedCaseRetention} after it stopped (so a REOPENED can still restart it) or
 * {@code openCaseRetention} after its last event (a case that never ends); its deadline timer is deleted then.
 */
public class OverdueCaseRule extends KeyedProcessFunction<String, LedgerEvent, Alert> {

    public static final String RULE_OVERDUE = OverdueCaseLogic.RULE_OVERDUE;
    public static final String RULE_SIGN_FOR = OverdueCaseLogic.RULE_SIGN_FOR;
    public static final String UID = "overdue-case-rule";
    public static final String NAME = "Overdue cases (案件超期)";

    private static final Comparator<LedgerEvent> EVENT_TIME_ORDER = Comparator.comparing(LedgerEvent::at)
            .thenComparing(LedgerEvent::type)
            .thenComparing(LedgerEvent::eventId);

    private final OverdueCaseLogic logic;

    private transient ValueState<CaseState> caseState;
    private transient EventTimeBuffer<LedgerEvent> pending;
    private transient Counter alertsRaised;

    public OverdueCaseRule(OverdueCaseLogic logic) {
        this.logic = logic;
    }

    /** Ledger events, keyed by case, to overdue and sign-for alerts. */
    public static DataStream<Alert> detect(DataStream<LedgerEvent> ledgerEvents, RuleContext ctx) {
        return ledgerEvents
                .keyBy(LedgerEvent::caseId)
                .process(new OverdueCaseRule(new OverdueCaseLogic(ctx)))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        caseState = getRuntimeContext().getState(new ValueStateDescriptor<>("case", CaseState.class));
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-events", LedgerEvent.class, LedgerEvent::at,
                EVENT_TIME_ORDER);
        alertsRaised = getRuntimeContext().getMetricGroup().counter("overdueAlerts");
    }

    @Override
    public void processElement(LedgerEvent event, Context ctx, Collector<Alert> out) throws Exception {
        pending.add(event.eventId(), event, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<LedgerEvent> ready = pending.takeReady(timestamp);
        CaseState s = caseState.value();
        if (s == null && ready.isEmpty()) {
            return; // a timer of a case already forgotten
        }
        if (s == null) {
            s = OverdueCaseLogic.initialState();
        }
        Collector<Alert> counted = counting(out);
        for (LedgerEvent e : ready) {
            s = logic.fireDue(s, e.at().minusMillis(1), counted::collect);
            s = logic.apply(s, e);
        }
        TimerService timers = ctx.timerService();
        if (timers.currentWatermark() == Long.MAX_VALUE) {
            // end of input: time runs out, and a bounded (BATCH) run ignores timers registered now, so raise
            // every deadline up to the next buffered event (whose timer is still queued) or to the end of time
            Long nextEvent = pending.earliestDue();
            Instant until = nextEvent == null ? Instant.MAX : Instant.ofEpochMilli(nextEvent - 1);
            s = logic.fireDue(s, until, counted::collect);
            if (nextEvent == null) {
                caseState.clear();
                return;
            }
            caseState.update(s);
            return;
        }
        s = logic.fireDue(s, now, counted::collect);

        Instant cleanup = logic.cleanupAt(s);
        if (!cleanup.isAfter(now) && pending.isEmpty()) {
            deleteTimer(timers, s.wakeTimer(), null);
            deleteTimer(timers, s.cleanupTimer(), null);
            caseState.clear();
            return;
        }
        Instant wake = logic.nextDue(s);
        Long wakeTimer = reschedule(timers, s.wakeTimer(), wake == null ? null : wake.toEpochMilli(), s.cleanupTimer());
        Long cleanupTimer = reschedule(timers, s.cleanupTimer(), cleanup.toEpochMilli(), wakeTimer);
        caseState.update(s.withTimers(wakeTimer, cleanupTimer));
    }

    private Long reschedule(TimerService timers, Long current, Long wanted, Long otherTimer) throws Exception {
        if (current != null && !current.equals(wanted)) {
            deleteTimer(timers, current, otherTimer);
        }
        if (wanted != null && !wanted.equals(current)) {
            timers.registerEventTimeTimer(wanted);
        }
        return wanted;
    }

    /**
     * Deletes a timer unless a buffered event or the case's other timer still needs the same timestamp: Flink
     * keeps one timer per key and time.
     */
    private void deleteTimer(TimerService timers, Long time, Long otherTimer) throws Exception {
        if (time != null && !time.equals(otherTimer) && !pending.needsTimerAt(time)) {
            timers.deleteEventTimeTimer(time);
        }
    }

    private Collector<Alert> counting(Collector<Alert> out) {
        return new Collector<>() {
            @Override
            public void collect(Alert alert) {
                alertsRaised.inc();
                out.collect(alert);
            }

            @Override
            public void close() {}
        };
    }
}
