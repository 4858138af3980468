package org.gridwarden.rules.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.keyed.KeyScope;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.ComplaintAfterClosureRules;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * A case's complaints and closures per subject, a handler of the operator keyed by case
 * ({@link org.gridwarden.rules.casekey.CaseRules}) shared by 重复投诉 and 案结事不了 (the first stage of each). A
 * complaint's CREATED becomes one COMPLAINT fact per subject, saying which of the two counts it. A CLOSED event
 * names only its case, so for 案结事不了 this remembers each case's subjects and current department from its
 * CREATED and ASSIGNED events and turns every CLOSED into a CLOSURE fact per subject, with the department
 * holding the case at that moment.
 *
 * <p>Events are buffered (in the operator's shared buffer) until the watermark passes them and applied in
 * event-time order, so a CLOSED that arrives before a slightly earlier ASSIGNED still goes to the right
 * department. A case is forgotten {@code window} after its (latest) close, when no complaint can refer to it any
 * more (a REOPENED later than that is not followed), or the rule set's {@code overdue.openCaseRetention} after
 * its last event if it never closes (the case's life is the overdue rule's notion; this section has no period
 * of its own for it). When 案结事不了 does not run, nothing is remembered or buffered: complaints leave as they
 * arrive. The event timers are registered on arrival, so BATCH runs apply the same sequence; the one clean-up
 * timer is moved as the case changes and deleted when the case is forgotten.
 */
public final class CaseSubjectFacts implements KeyedHandler<LedgerEvent> {

    /** The facts, for the operator keyed by subject. */
    public static final OutputTag<CaseFact> FACTS = new OutputTag<>("case-facts", TypeInformation.of(CaseFact.class));

    private final RuleContext ctx;
    private final Duration window;
    private final Duration openCaseRetention;
    private final boolean followsClosures;

    private transient ValueState<CaseMemory> memory;

    public CaseSubjectFacts(RuleContext ctx) {
        this.ctx = ctx;
        // the longest of every rule-set version, so that each version's own window fits
        this.window = ctx.history().longest(RuleFamily.COMPLAINT_AFTER_CLOSURE, ComplaintAfterClosureRules::window);
        this.openCaseRetention = ctx.history().longest(RuleFamily.OVERDUE, OverdueRules::openCaseRetention);
        this.followsClosures = ctx.history().runs(RuleFamily.COMPLAINT_AFTER_CLOSURE);
    }

    @Override
    public String name() {
        return "complaints and closures per subject (重复投诉, 案结事不了)";
    }

    @Override
    public void open(RuntimeContext runtime) {
        memory = runtime.getState(new ValueStateDescriptor<>("closure-case", CaseMemory.class));
    }

    @Override
    public boolean readsInOrder() {
        return followsClosures;
    }

    /** Without 案结事不了 nothing depends on a case's order: a complaint leaves as it arrives, unbuffered. */
    @Override
    public void arrived(LedgerEvent e, KeyScope<LedgerEvent> scope) {
        if (!followsClosures && e.type() == LedgerEventType.CREATED) {
            complained(e, false, scope);
        }
    }

    @Override
    public void onTimer(long timestamp, List<LedgerEvent> ready, KeyScope<LedgerEvent> scope) throws Exception {
        if (!followsClosures) {
            return; // woken by another handler's timer
        }
        CaseMemory m = memory.value();
        for (LedgerEvent e : ready) {
            m = apply(m, e, scope);
        }
        if (m == null) {
            return;
        }
        if (scope.currentWatermark() == Long.MAX_VALUE) {
            // end of input: no clean-up timer can fire any more (and BATCH would ignore it)
            if (scope.pending().isEmpty()) {
                memory.clear();
            } else {
                memory.update(m);
            }
            return;
        }
        long cleanup = cleanupAt(m).toEpochMilli();
        if (timestamp >= cleanup) {
            deleteTimer(scope, m.cleanupTimer());
            memory.clear();
            return;
        }
        if (!Long.valueOf(cleanup).equals(m.cleanupTimer())) {
            deleteTimer(scope, m.cleanupTimer());
            scope.registerTimer(cleanup);
        }
        memory.update(m.withCleanupTimer(cleanup));
    }

    @Override
    public boolean needsTimerAt(long time) throws Exception {
        CaseMemory m = memory.value();
        return m != null && Long.valueOf(time).equals(m.cleanupTimer());
    }

    private CaseMemory apply(CaseMemory m, LedgerEvent e, KeyScope<LedgerEvent> out) {
        if (e.type() == LedgerEventType.CREATED) {
            complained(e, m == null, out);
            return m == null && followsClosures ? remember(e) : m;
        }
        if (m == null) {
            return null; // an event of a case whose creation was never seen or is already forgotten
        }
        return switch (e.type()) {
            case ASSIGNED -> m.withDepartment(e.department(), e.at());
            case CLOSED -> {
                for (String subject : m.subjects()) {
                    out.emit(FACTS, CaseFact.closure(subject, e.caseId(), e.eventId(), e.at(), m.gridId(),
                            m.category(), m.department()));
                }
                yield m.withClosedAt(e.at(), e.at());
            }
            case REOPENED -> m.withClosedAt(null, e.at());
            // a cancelled case raises no closure fact, but it is over: forget it as soon as a closed one
            case CANCELLED -> m.withClosedAt(e.at(), e.at());
            default -> m.withClosedAt(m.closedAt(), e.at());
        };
    }

    /** A CREATED: a complaint for whichever family counts it; 案结事不了 only the case's first. */
    private void complained(LedgerEvent e, boolean firstOfCase, KeyScope<LedgerEvent> out) {
        boolean repeats = Complaints.isComplaint(e, RuleFamily.REPEAT_COMPLAINT, ctx);
        boolean closures = firstOfCase && Complaints.isComplaint(e, RuleFamily.COMPLAINT_AFTER_CLOSURE, ctx);
        if (!repeats && !closures) {
            return;
        }
        for (String subject : Complaints.subjectKeys(e, ctx.familyOf(e.category()))) {
            out.emit(FACTS, new CaseFact(CaseFact.Kind.COMPLAINT, subject, e.caseId(), e.eventId(), e.at(),
                    e.gridId(), e.category(), null, repeats, closures));
        }
    }

    private CaseMemory remember(LedgerEvent e) {
        Category category = ctx.reference().category(e.category()).orElseThrow();
        GridPlace place = ctx.reference().grid(e.gridId()).orElseThrow();
        String firstTier = ctx.reference().responsible(category, place, category.firstTier()).id();
        return new CaseMemory(e.gridId(), e.category(), Complaints.subjectKeys(e, category.family()), firstTier, null,
                e.at(), null);
    }

    private Instant cleanupAt(CaseMemory m) {
        return m.closedAt() != null ? m.closedAt().plus(window) : m.lastEventAt().plus(openCaseRetention);
    }

    private void deleteTimer(KeyScope<LedgerEvent> scope, Long time) throws Exception {
        if (time != null) {
            scope.deleteTimer(this, time);
        }
    }
}
