package org.gridwarden.rules.overdue;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.keyed.KeyScope;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * Overdue cases (案件超期) and sign-for timeouts (签收超时): a handler of the operator keyed by case
 * ({@link org.gridwarden.rules.casekey.CaseRules}).
 *
 * <p>Events of a case may arrive out of order within the allowed lateness: each is buffered (in the
 * operator's shared buffer) until the watermark passes its time and then applied in event-time order, interleaved with the deadlines that fall
 * between them, so a CLOSED that arrives before its CREATED, or after a later REPLIED, changes nothing.
 * Deadlines are event-time timers: in live mode they fire when the watermark passes them (also on a quiet
 * night, as long as the watermark advances). At end of input (watermark at its maximum) every remaining
 * deadline is raised in order, so a replay must drop alerts after its horizon.
 *
 * <p>State: the case (one value) and the events not yet applied. A case is forgotten by a clean-up timer,
 * {@code closedCaseRetention} after it stopped (so a REOPENED can still restart it) or
 * {@code openCaseRetention} after its last event (a case that never ends); its deadline timer is deleted then.
 */
public final class OverdueCaseRule implements KeyedHandler<LedgerEvent> {

    public static final String RULE_OVERDUE = OverdueCaseLogic.RULE_OVERDUE;
    public static final String RULE_SIGN_FOR = OverdueCaseLogic.RULE_SIGN_FOR;

    private final OverdueCaseLogic logic;

    private transient ValueState<CaseState> caseState;
    private transient Counter alertsRaised;
    private transient LongCounter afterHorizon;

    public OverdueCaseRule(OverdueCaseLogic logic) {
        this.logic = logic;
    }

    public OverdueCaseRule(RuleContext ctx) {
        this(new OverdueCaseLogic(ctx));
    }

    @Override
    public String name() {
        return "overdue (案件超期)";
    }

    @Override
    public void open(RuntimeContext runtime) {
        caseState = runtime.getState(new ValueStateDescriptor<>("overdue-case", CaseState.class));
        alertsRaised = runtime.getMetricGroup().counter("overdueAlerts");
        // counted with the alerts the bounded run drops after its horizon; a live job has none
        afterHorizon = logic.alerts().afterHorizonCounter(runtime);
    }

    @Override
    public boolean readsInOrder() {
        return true;
    }

    @Override
    public void onTimer(long timestamp, List<LedgerEvent> ready, KeyScope<LedgerEvent> scope) throws Exception {
        Instant now = Instant.ofEpochMilli(timestamp);
        CaseState s = caseState.value();
        if (s == null && ready.isEmpty()) {
            return; // a timer of a case already forgotten, or of another handler
        }
        if (s == null) {
            s = OverdueCaseLogic.initialState();
        }
        Consumer<Alert> counted = alert -> {
            alertsRaised.inc();
            scope.alert(alert);
        };
        Predicate<Instant> raises = scope::raises;
        Runnable later = () -> afterHorizon.add(1L);
        for (LedgerEvent e : ready) {
            s = logic.fireDue(s, e.at().minusMillis(1), counted, raises, later);
            s = logic.apply(s, e);
        }
        EventTimeBuffer<LedgerEvent> pending = scope.pending();
        if (scope.currentWatermark() == Long.MAX_VALUE) {
            // end of input: time runs out, and a bounded (BATCH) run ignores timers registered now, so raise
            // every deadline up to the next buffered event (whose timer is still queued) or to the end of time
            Long nextEvent = pending.earliestDue();
            Instant until = nextEvent == null ? Instant.MAX : Instant.ofEpochMilli(nextEvent - 1);
            s = logic.fireDue(s, until, counted, raises, later);
            if (nextEvent == null) {
                caseState.clear();
                return;
            }
            caseState.update(s);
            return;
        }
        s = logic.fireDue(s, now, counted, raises, later);

        Instant cleanup = logic.cleanupAt(s);
        if (!cleanup.isAfter(now) && pending.isEmpty()) {
            deleteTimer(scope, s.wakeTimer(), null);
            deleteTimer(scope, s.cleanupTimer(), null);
            caseState.clear();
            return;
        }
        Instant wake = logic.nextDue(s);
        Long wakeTimer = reschedule(scope, s.wakeTimer(), wake == null ? null : wake.toEpochMilli(), s.cleanupTimer());
        Long cleanupTimer = reschedule(scope, s.cleanupTimer(), cleanup.toEpochMilli(), wakeTimer);
        caseState.update(s.withTimers(wakeTimer, cleanupTimer));
    }

    @Override
    public boolean needsTimerAt(long time) throws Exception {
        CaseState s = caseState.value();
        return s != null && (Long.valueOf(time).equals(s.wakeTimer()) || Long.valueOf(time).equals(s.cleanupTimer()));
    }

    private Long reschedule(KeyScope<LedgerEvent> scope, Long current, Long wanted, Long otherTimer) throws Exception {
        if (current != null && !current.equals(wanted)) {
            deleteTimer(scope, current, otherTimer);
        }
        if (wanted != null && !wanted.equals(current)) {
            scope.registerTimer(wanted);
        }
        return wanted;
    }

    /** Deletes a timer unless the case's other timer is at the same time (or another handler or event needs it). */
    private void deleteTimer(KeyScope<LedgerEvent> scope, Long time, Long otherTimer) throws Exception {
        if (time != null && !time.equals(otherTimer)) {
            scope.deleteTimer(this, time);
        }
    }
}
