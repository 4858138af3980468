package org.gridwarden.rules.hazard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.alert.AlertFactory.Finding;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.PatrolMissedHazardRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * Patrols that missed a hazard (巡查未发现): a PATROL report with {@code hazardFound=false} for a building
 * while a hazard case on that building is open (created at or before the patrol, not closed or cancelled by
 * then), or followed within {@code followUp} (after the patrol, the end included) by a hazard complaint on it
 * (a CREATED of a hazard category from one of the section's {@code channels}). One alert per patrol, to the
 * street office of the patrol's grid, at the patrol's time (open case) or at the complaint's (follow-up).
 * Patrols without a building are ignored.
 *
 * <p>Keyed by building over the patrols and the hazard cases that {@link HazardCaseTracker} follows by case
 * id. Patrols are decided from event-time timers (at the patrol, at each case's creation and at the end of
 * the follow-up), each time from everything up to the watermark, so records may arrive in any order within
 * the allowed lateness; a bounded (BATCH) run fires the same timers in time order at the end of the key.
 * State: a patrol until it is decided or its follow-up ends; a case until its end (or, never ended, until
 * {@code overdue.openCaseRetention} after creation).
 */
public class PatrolMissedHazardRule extends KeyedProcessFunction<Tuple2<Long, Long>, BuildingSignal, Alert> {

    /** Signals by the fixed-length key of their building, which BATCH sorts on its bytes. */
    public static final IdKey<BuildingSignal> KEY = IdKey.by(BuildingSignal::buildingId);

    public static final String RULE_ID = "PATROL_MISSED_HAZARD";
    public static final String UID = "patrol-missed-hazard";
    public static final String NAME = "Patrols that missed a hazard (巡查未发现)";

    private static final Comparator<HazardCase> CREATION_ORDER =
            Comparator.comparing(HazardCase::createdAt).thenComparing(HazardCase::caseId);

    private final RuleContext ctx;
    /** The longest follow-up of any rule-set version: how long a patrol waits for a complaint. */
    private final long followUp;
    private final long openCaseRetention;

    private transient MapState<String, GridReport> patrols;
    private transient MapState<String, HazardCase> cases;

    public PatrolMissedHazardRule(RuleContext ctx) {
        this.ctx = ctx;
        this.followUp = ctx.history().longest(RuleFamily.PATROL_MISSED_HAZARD, PatrolMissedHazardRules::followUp)
                .toMillis();
        this.openCaseRetention = ctx.history().longest(RuleFamily.OVERDUE, OverdueRules::openCaseRetention).toMillis();
    }

    /** The entry that judges a patrol against a hazard case: the one in force at the patrol for its grid and the case's category. */
    private InForce<PatrolMissedHazardRules> rulesFor(GridReport p, HazardCase hc) {
        return ctx.<PatrolMissedHazardRules>inForce(RuleFamily.PATROL_MISSED_HAZARD, p.observedAt(), p.gridId(),
                hc.category()).orElse(null);
    }

    /**
     * Wires the rule: the hazard cases that {@link HazardCaseTracker} follows in the operator keyed by case,
     * and the patrols, both keyed by building.
     */
    public static DataStream<Alert> detect(RuleStreams in, RuleContext ctx) {
        DataStream<BuildingSignal> cases = in.byCase().getSideOutput(HazardCaseTracker.CASES);
        DataStream<GridReport> gridReports = in.gridReports();
        DataStream<BuildingSignal> patrols = gridReports
                .flatMap(new NothingFoundPatrols())
                .uid(ctx.uid(UID + "-patrols")).name("Patrols that found nothing (巡查未发现)");
        return cases.union(patrols)
                .keyBy(KEY)
                .process(new PatrolMissedHazardRule(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        patrols = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("patrols", String.class, GridReport.class));
        cases = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("hazard-cases", String.class, HazardCase.class));
    }

    @Override
    public void processElement(BuildingSignal signal, Context c, Collector<Alert> out) throws Exception {
        if (signal.patrol() != null) {
            GridReport p = signal.patrol();
            patrols.put(p.reportId(), p);
            c.timerService().registerEventTimeTimer(p.observedAt().toEpochMilli());
            c.timerService().registerEventTimeTimer(p.observedAt().toEpochMilli() + followUp);
            return;
        }
        HazardCase hc = signal.hazardCase();
        HazardCase known = cases.get(hc.caseId());
        if (known != null && known.endedAt() != null && hc.endedAt() == null) {
            return; // the end is already known
        }
        cases.put(hc.caseId(), hc);
        c.timerService().registerEventTimeTimer(hc.createdAt().toEpochMilli());
        c.timerService().registerEventTimeTimer(forgetAt(hc));
        if (known != null && known.endedAt() == null && hc.endedAt() != null && !needsTimer(forgetAt(known))) {
            c.timerService().deleteEventTimeTimer(forgetAt(known)); // the retention of a case now ended
        }
    }

    /** When a case can be forgotten: at its end, or after the retention when it never ends. */
    private long forgetAt(HazardCase hc) {
        return hc.endedAt() != null ? hc.endedAt().toEpochMilli() : hc.createdAt().toEpochMilli() + openCaseRetention;
    }

    /** Whether a patrol or case still needs a timer at {@code t}: Flink keeps one timer per key and time. */
    private boolean needsTimer(long t) throws Exception {
        for (GridReport p : patrols.values()) {
            long at = p.observedAt().toEpochMilli();
            if (t == at || t == at + followUp) {
                return true;
            }
        }
        for (HazardCase hc : cases.values()) {
            if (t == hc.createdAt().toEpochMilli() || t == forgetAt(hc)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext c, Collector<Alert> out) throws Exception {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<HazardCase> known = new ArrayList<>();
        cases.values().forEach(known::add);
        known.sort(CREATION_ORDER);
        for (GridReport p : patrolsUpTo(now)) {
            if (decide(p, now, known, out) || !p.observedAt().plusMillis(followUp).isAfter(now)) {
                patrols.remove(p.reportId());
            }
        }
        // forget cases only after deciding: a case that ends now was still open for a patrol just before
        for (HazardCase hc : known) {
            if (forgetAt(hc) <= timestamp) {
                cases.remove(hc.caseId());
            }
        }
        if (patrols.isEmpty()) {
            patrols.clear(); // an emptied map still counts as a state entry
        }
        if (cases.isEmpty()) {
            cases.clear();
        }
    }

    private List<GridReport> patrolsUpTo(Instant now) throws Exception {
        List<GridReport> due = new ArrayList<>();
        for (GridReport p : patrols.values()) {
            if (!p.observedAt().isAfter(now)) {
                due.add(p);
            }
        }
        due.sort(Comparator.comparing(GridReport::observedAt).thenComparing(GridReport::reportId));
        return due;
    }

    /** Raises the patrol's alert if what is known up to {@code now} proves it; returns whether it did. */
    private boolean decide(GridReport p, Instant now, List<HazardCase> known, Collector<Alert> out) {
        Instant patrolled = p.observedAt();
        for (HazardCase hc : known) {
            InForce<PatrolMissedHazardRules> rules = rulesFor(p, hc);
            if (rules != null && hc.isOpenAt(patrolled)) {
                out.collect(openCaseAlert(p, hc, rules));
                return true;
            }
        }
        for (HazardCase hc : known) {
            InForce<PatrolMissedHazardRules> rules = rulesFor(p, hc);
            if (rules == null) {
                continue;
            }
            Instant followUpEnd = patrolled.plus(rules.parameters().followUp().toDuration());
            Instant seenUntil = now.isBefore(followUpEnd) ? now : followUpEnd;
            if (rules.parameters().channels().contains(hc.channel()) && hc.createdAt().isAfter(patrolled)
                    && !hc.createdAt().isAfter(seenUntil)) {
                out.collect(followedAlert(p, hc, rules));
                return true;
            }
        }
        return false;
    }

    private Alert openCaseAlert(GridReport p, HazardCase hc, InForce<PatrolMissedHazardRules> rules) {
        Category category = ctx.reference().category(hc.category()).orElseThrow();
        GridPlace place = ctx.reference().grid(p.gridId()).orElseThrow();
        Bilingual cat = ReferenceNames.category(category);
        Bilingual worker = ReferenceNames.worker(place.grid());
        Bilingual office = ReferenceNames.department(streetOffice(place));
        String patrolled = ctx.alerts().local(p.observedAt());
        String received = ctx.alerts().local(hc.createdAt());
        Bilingual message = new Bilingual(
                worker.zh() + "于" + patrolled + "巡查" + p.buildingId() + "，报告未发现隐患，但该楼栋的" + cat.zh()
                        + "隐患案件" + hc.caseId() + "（" + received + "受理）当时尚未办结，请" + office.zh()
                        + "核查巡查是否到位。",
                ReferenceNames.sentence(worker.en()) + " patrolled " + p.buildingId() + " at " + patrolled + " and reported no hazard, but"
                        + " the building's hazard case " + hc.caseId() + ", " + cat.en() + " (received " + received
                        + "), was still open. " + office.en() + " should check that the patrol was thorough.");
        return alert(p, hc, place, cat, message, List.of(hc.eventId(), p.reportId()), p.observedAt(),
                rules.version());
    }

    private Alert followedAlert(GridReport p, HazardCase hc, InForce<PatrolMissedHazardRules> rules) {
        Category category = ctx.reference().category(hc.category()).orElseThrow();
        GridPlace place = ctx.reference().grid(p.gridId()).orElseThrow();
        Bilingual cat = ReferenceNames.category(category);
        Bilingual worker = ReferenceNames.worker(place.grid());
        Bilingual office = ReferenceNames.department(streetOffice(place));
        Bilingual via = ReferenceNames.channel(hc.channel());
        Bilingual followUp = ReferenceNames.span(rules.parameters().followUp());
        String patrolled = ctx.alerts().local(p.observedAt());
        String received = ctx.alerts().local(hc.createdAt());
        Bilingual message = new Bilingual(
                worker.zh() + "于" + patrolled + "巡查" + p.buildingId() + "，报告未发现隐患，" + received + "该楼栋即经"
                        + via.zh() + "受理" + cat.zh() + "隐患案件" + hc.caseId() + "（巡查后" + followUp.zh() + "内），请"
                        + office.zh() + "核查巡查是否到位。",
                ReferenceNames.sentence(worker.en()) + " patrolled " + p.buildingId() + " at " + patrolled + " and reported no hazard; at "
                        + received + " hazard case " + hc.caseId() + ", " + cat.en() + ", came in for the building via "
                        + via.en() + " (within " + followUp.en() + " of the patrol). " + office.en()
                        + " should check that the patrol was thorough.");
        return alert(p, hc, place, cat, message, List.of(p.reportId(), hc.eventId()), hc.createdAt(),
                rules.version());
    }

    private Alert alert(GridReport p, HazardCase hc, GridPlace place, Bilingual cat, Bilingual message,
            List<String> evidence, Instant eventTime, String version) {
        Bilingual title = new Bilingual("巡查未发现隐患：" + cat.zh() + "（" + p.buildingId() + "）",
                "Patrol found no hazard: " + cat.en() + " (" + p.buildingId() + ")");
        return ctx.alerts().create(new Finding(RULE_ID, AlertLevel.WARNING, "building:" + p.buildingId(),
                p.reportId(), hc.caseId(), streetOffice(place), p.gridId(), hc.category(), title, message, evidence,
                eventTime, null), version);
    }

    private Department streetOffice(GridPlace place) {
        return ctx.reference().department(place.street().department()).orElseThrow();
    }

    /** PATROL reports of a building that found nothing. */
    static final class NothingFoundPatrols implements FlatMapFunction<GridReport, BuildingSignal> {
        @Override
        public void flatMap(GridReport r, Collector<BuildingSignal> out) {
            if (r.kind() == ReportKind.PATROL && Boolean.FALSE.equals(r.hazardFound()) && r.buildingId() != null) {
                out.collect(BuildingSignal.of(r));
            }
        }
    }
}
