package org.gridwarden.rules.hazard;

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
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * A handler of the operator keyed by case ({@link org.gridwarden.rules.casekey.CaseRules}): follows the hazard cases that name a building and emits each as a {@link HazardCase} (in a {@link BuildingSignal}),
 * once when created and again when closed or cancelled, so that the building-keyed rule downstream learns of
 * the end although a CLOSED or CANCELLED event carries only the case id.
 *
 * <p>An end is held until the watermark passes it, and the earliest end wins, so ends arriving out of order
 * (within the allowed lateness, or in any order in a bounded run) and an end arriving before its CREATED give
 * the same result. State: the case until its first end, or {@code overdue.openCaseRetention} after creation for a case that never ends
 * (the district's one setting for how long an unfinished case is remembered); a held end until the watermark
 * passes it. A case reopened after its end is not followed again.
 */
public final class HazardCaseTracker implements KeyedHandler<LedgerEvent> {

    /** The hazard cases, for the building-keyed rule. */
    public static final OutputTag<BuildingSignal> CASES =
            new OutputTag<>("hazard-cases", TypeInformation.of(BuildingSignal.class));

    private final RuleContext ctx;
    private final long openCaseRetention;

    private transient ValueState<HazardCase> openCase;
    private transient ValueState<Long> heldEnd;

    public HazardCaseTracker(RuleContext ctx) {
        this.ctx = ctx;
        this.openCaseRetention = ctx.history().longest(RuleFamily.OVERDUE, OverdueRules::openCaseRetention).toMillis();
    }

    @Override
    public String name() {
        return "hazard cases (巡查未发现)";
    }

    @Override
    public void open(RuntimeContext runtime) {
        openCase = runtime.getState(new ValueStateDescriptor<>("hazard-case", HazardCase.class));
        heldEnd = runtime.getState(new ValueStateDescriptor<>("held-end", Long.class));
    }

    /**
     * Only the creation of a hazard case naming a building, and every end (which carries only the case id),
     * matter; two events in three of a case's life are neither.
     */
    @Override
    public void arrived(LedgerEvent e, KeyScope<LedgerEvent> c) throws Exception {
        if (e.type() == LedgerEventType.CREATED && e.buildingId() != null && ctx.isHazard(e.category())) {
            created(e, c);
        } else if (e.type() == LedgerEventType.CLOSED || e.type() == LedgerEventType.CANCELLED) {
            ended(e.at().toEpochMilli(), c);
        }
    }

    private void created(LedgerEvent e, KeyScope<LedgerEvent> c) throws Exception {
        Long end = heldEnd.value();
        heldEnd.clear();
        HazardCase hc = new HazardCase(e.caseId(), e.eventId(), e.category(), e.channel(), e.gridId(),
                e.buildingId(), e.at(), null);
        c.emit(CASES, BuildingSignal.of(hc));
        if (end != null) {
            c.deleteTimer(this, end);
            c.emit(CASES, BuildingSignal.of(hc.endedAt(Instant.ofEpochMilli(end))));
            return;
        }
        openCase.update(hc);
        c.registerTimer(e.at().toEpochMilli() + openCaseRetention);
    }

    /** The earliest end wins, whatever order the ends arrive in; it is released when the watermark passes it. */
    private void ended(long at, KeyScope<LedgerEvent> c) throws Exception {
        Long held = heldEnd.value();
        if (held == null || at < held) {
            heldEnd.update(at); // before the delete, so the old time no longer counts as needed here
            if (held != null) {
                c.deleteTimer(this, held);
            }
            c.registerTimer(at);
        }
    }

    @Override
    public void onTimer(long timestamp, List<LedgerEvent> ready, KeyScope<LedgerEvent> c) throws Exception {
        HazardCase hc = openCase.value();
        Long held = heldEnd.value();
        if (held != null && held <= timestamp) {
            heldEnd.clear();
            if (hc != null) {
                c.emit(CASES, BuildingSignal.of(hc.endedAt(Instant.ofEpochMilli(held))));
                openCase.clear();
                c.deleteTimer(this, hc.createdAt().toEpochMilli() + openCaseRetention);
            }
            // else no CREATED before it: the end of a case this rule does not follow
            return;
        }
        if (hc != null && hc.createdAt().toEpochMilli() + openCaseRetention <= timestamp) {
            openCase.clear();
        }
    }

    @Override
    public boolean needsTimerAt(long time) throws Exception {
        Long held = heldEnd.value();
        HazardCase hc = openCase.value();
        return Long.valueOf(time).equals(held)
                || hc != null && hc.createdAt().toEpochMilli() + openCaseRetention == time;
    }
}
