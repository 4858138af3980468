package org.gridwarden.rules.hazard;

import java.time.Instant;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * Keyed by case id: follows the hazard cases that name a building and emits each as a {@link HazardCase} (in a {@link BuildingSignal}),
 * once when created and again when closed or cancelled, so that the building-keyed rule downstream learns of
 * the end although a CLOSED or CANCELLED event carries only the case id.
 *
 * <p>An end is held until the watermark passes it, and the earliest end wins, so ends arriving out of order
 * (within the allowed lateness, or in any order in a bounded run) and an end arriving before its CREATED give
 * the same result. State: the case until its first end, or {@code overdue.openCaseRetention} after creation for a case that never ends
 * (the district's one setting for how long an unfinished case is remembered); a held end until the watermark
 * passes it. A case reopened after its end is not followed again.
 */
public class HazardCaseTracker extends KeyedProcessFunction<String, LedgerEvent, BuildingSignal> {

    public static final String UID = "patrol-missed-hazard-cases";
    public static final String NAME = "Hazard cases on buildings (巡查未发现)";

    private final RuleContext ctx;
    private final long openCaseRetention;

    private transient ValueState<HazardCase> openCase;
    private transient ValueState<Long> heldEnd;

    public HazardCaseTracker(RuleContext ctx) {
        this.ctx = ctx;
        this.openCaseRetention = ctx.history().longest(RuleFamily.OVERDUE, OverdueRules::openCaseRetention).toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        openCase = getRuntimeContext().getState(new ValueStateDescriptor<>("hazard-case", HazardCase.class));
        heldEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("held-end", Long.class));
    }

    @Override
    public void processElement(LedgerEvent e, Context c, Collector<BuildingSignal> out) throws Exception {
        if (e.type() == LedgerEventType.CREATED) {
            created(e, c, out);
        } else if (e.type() == LedgerEventType.CLOSED || e.type() == LedgerEventType.CANCELLED) {
            ended(e.at().toEpochMilli(), c);
        }
    }

    private void created(LedgerEvent e, Context c, Collector<BuildingSignal> out) throws Exception {
        Long end = heldEnd.value();
        heldEnd.clear();
        if (e.buildingId() == null || !ctx.isHazard(e.category())) {
            return; // not a case this rule follows; a held end of it is dropped with it
        }
        HazardCase hc = new HazardCase(e.caseId(), e.eventId(), e.category(), e.channel(), e.gridId(),
                e.buildingId(), e.at(), null);
        out.collect(BuildingSignal.of(hc));
        if (end != null) {
            c.timerService().deleteEventTimeTimer(end);
            out.collect(BuildingSignal.of(hc.endedAt(Instant.ofEpochMilli(end))));
            return;
        }
        openCase.update(hc);
        c.timerService().registerEventTimeTimer(e.at().toEpochMilli() + openCaseRetention);
    }

    /** The earliest end wins, whatever order the ends arrive in; it is released when the watermark passes it. */
    private void ended(long at, Context c) throws Exception {
        Long held = heldEnd.value();
        if (held == null || at < held) {
            if (held != null) {
                c.timerService().deleteEventTimeTimer(held);
            }
            heldEnd.update(at);
            c.timerService().registerEventTimeTimer(at);
        }
    }

    /**
     * What the tracker can use, ahead of the shuffle by case id: the creation of a hazard case naming a building,
     * and every end (which carries only the case id). Two events in three of a case's life are neither.
     */
    public static final class CreationsAndEnds implements FilterFunction<LedgerEvent> {

        private final RuleContext ctx;

        public CreationsAndEnds(RuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public boolean filter(LedgerEvent e) {
            return switch (e.type()) {
                case CREATED -> e.buildingId() != null && ctx.isHazard(e.category());
                case CLOSED, CANCELLED -> true;
                default -> false;
            };
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext c, Collector<BuildingSignal> out) throws Exception {
        HazardCase hc = openCase.value();
        Long held = heldEnd.value();
        if (held != null && held <= timestamp) {
            heldEnd.clear();
            if (hc != null) {
                out.collect(BuildingSignal.of(hc.endedAt(Instant.ofEpochMilli(held))));
                c.timerService().deleteEventTimeTimer(hc.createdAt().toEpochMilli() + openCaseRetention);
                openCase.clear();
            }
            // else no CREATED before it: the end of a case this rule does not follow
            return;
        }
        if (hc != null && hc.createdAt().toEpochMilli() + openCaseRetention <= timestamp) {
            openCase.clear();
        }
    }
}
