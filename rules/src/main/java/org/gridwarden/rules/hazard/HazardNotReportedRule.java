package org.gridwarden.rules.hazard;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory.Finding;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.complaint.Complaints;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.HazardNotReportedRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * Hazards that bypassed the grid (隐患漏报): a case of a hazard category created from one of the section's
 * {@code channels} (hotline, app, inspection, sensor) in grid G, with no grid HAZARD report of G and the same
 * category family from {@code lookBack} before the case up to {@code grace} after it (both ends included).
 * Raised at creation + grace, to the grid's street office and to the category's district department.
 *
 * <p>Keyed by grid and family over both streams. Nothing is decided before the watermark passes creation +
 * grace, so a report may arrive before or after the case in any order within the allowed lateness; in a
 * bounded (BATCH) run every timer fires at the end of the key's input, in time order, with all its records
 * present, which gives the same decisions. State: a case until it is decided; a report's time until
 * {@code lookBack + grace} after it, when no case it could excuse can still be undecided.
 */
public class HazardNotReportedRule extends KeyedProcessFunction<Tuple2<Long, Long>, HazardSignal, Alert> {

    public static final String RULE_ID = "HAZARD_NOT_REPORTED_BY_GRID";
    public static final String UID = "hazard-not-reported-by-grid";
    public static final String NAME = "Hazards not reported by the grid (隐患漏报)";

    private final RuleContext ctx;
    /** How long a report may still excuse an undecided case, under any rule-set version. */
    private final long reportRetention;

    private transient MapState<String, Long> reportTimes;
    private transient LongCounter afterHorizon;
    /** Cases until the watermark passes creation + grace, when they are decided. */
    private transient EventTimeBuffer<LedgerEvent> pendingCases;

    public HazardNotReportedRule(RuleContext ctx) {
        this.ctx = ctx;
        this.reportRetention = ctx.history().longest(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID,
                        HazardNotReportedRules::lookBack).toMillis()
                + ctx.history().longest(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID, HazardNotReportedRules::grace)
                        .toMillis();
    }

    /** The entry in force for a hazard case; the channel filter let through only cases that one covers. */
    private InForce<HazardNotReportedRules> rulesFor(LedgerEvent created) {
        return ctx.<HazardNotReportedRules>inForce(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID, created.at(),
                created.gridId(), created.category()).orElseThrow();
    }

    private long grace(LedgerEvent created) {
        return rulesFor(created).parameters().grace().toDuration().toMillis();
    }

    /** Wires the rule: hazard cases from the section's channels and grid HAZARD reports, keyed by grid and family. */
    public static DataStream<Alert> detect(
            DataStream<LedgerEvent> ledgerEvents, DataStream<GridReport> gridReports, RuleContext ctx) {
        DataStream<HazardSignal> cases = ledgerEvents
                .flatMap(new HazardCasesFromChannels(ctx))
                .uid(ctx.uid(UID + "-cases")).name("Hazard cases from outside the grid (隐患漏报)");
        DataStream<HazardSignal> reports = gridReports
                .flatMap(new GridHazardReports(ctx))
                .uid(ctx.uid(UID + "-reports")).name("Grid hazard reports (隐患漏报)");
        return cases.union(reports)
                .keyBy(HazardSignal.BY_KEY)
                .process(new HazardNotReportedRule(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    static String key(String gridId, String family) {
        return gridId + "|" + family;
    }

    @Override
    public void open(OpenContext openContext) {
        reportTimes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("grid-report-times", String.class, Long.class));
        pendingCases = EventTimeBuffer.open(getRuntimeContext(), "pending-cases", LedgerEvent.class,
                created -> created.at().plusMillis(grace(created)),
                Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId));
        afterHorizon = ctx.alerts().afterHorizonCounter(getRuntimeContext());
    }

    @Override
    public void processElement(HazardSignal signal, Context c, Collector<Alert> out) throws Exception {
        long t = signal.timeMillis();
        if (signal.isReport()) {
            reportTimes.put(signal.id(), t);
            c.timerService().registerEventTimeTimer(t + reportRetention);
        } else {
            pendingCases.add(signal.id(), signal.created(), c.timerService());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext c, Collector<Alert> out) throws Exception {
        // decide before forgetting: a report that expires now still excuses a case due now
        for (LedgerEvent created : pendingCases.takeReady(timestamp)) {
            InForce<HazardNotReportedRules> rules = rulesFor(created);
            if (!reportedAround(created.at().toEpochMilli(), rules.parameters())) {
                raise(created, rules, out);
            }
        }
        Iterator<Map.Entry<String, Long>> it = reportTimes.iterator();
        while (it.hasNext()) {
            if (it.next().getValue() + reportRetention <= timestamp) {
                it.remove();
            }
        }
        if (reportTimes.isEmpty()) {
            reportTimes.clear(); // an emptied map still counts as a state entry
        }
    }

    private boolean reportedAround(long createdAt, HazardNotReportedRules rules) throws Exception {
        long lookBack = rules.lookBack().toDuration().toMillis();
        long grace = rules.grace().toDuration().toMillis();
        for (long r : reportTimes.values()) {
            if (r >= createdAt - lookBack && r <= createdAt + grace) {
                return true;
            }
        }
        return false;
    }

    private void raise(LedgerEvent created, InForce<HazardNotReportedRules> inForce, Collector<Alert> out) {
        HazardNotReportedRules rules = inForce.parameters();
        Instant due = created.at().plus(rules.grace().toDuration());
        if (!ctx.alerts().raises(due)) {
            afterHorizon.add(2L); // one alert to the street and one to the district department
            return;
        }
        Category category = ctx.reference().category(created.category()).orElseThrow();
        GridPlace place = ctx.reference().grid(created.gridId()).orElseThrow();
        Department street = ctx.reference().department(place.street().department()).orElseThrow();
        Department district = ctx.reference().department(category.districtDepartment()).orElseThrow();
        Bilingual cat = ReferenceNames.category(category);
        Bilingual grid = ReferenceNames.grid(place.grid());
        Bilingual worker = ReferenceNames.worker(place.grid());
        Bilingual via = ReferenceNames.channel(created.channel());
        Bilingual lookBack = ReferenceNames.span(rules.lookBack());
        Bilingual grace = ReferenceNames.span(rules.grace());
        Bilingual streetName = ReferenceNames.department(street);
        Bilingual districtName = ReferenceNames.department(district);
        String at = ctx.alerts().local(created.at());
        Bilingual title = new Bilingual("隐患漏报：" + cat.zh() + "（" + grid.zh() + "）",
                "Hazard not reported by the grid: " + cat.en() + " (" + grid.en() + ")");
        Bilingual message = new Bilingual(
                "案件" + created.caseId() + "（" + grid.zh() + "，" + cat.zh() + "）于" + at + "经" + via.zh() + "受理，"
                        + worker.zh() + "在此前" + lookBack.zh() + "至此后" + grace.zh() + "内未上报该网格同类隐患，请"
                        + streetName.zh() + "、" + districtName.zh() + "核查网格巡查是否漏报、瞒报。",
                "Case " + created.caseId() + " (" + grid.en() + ", " + cat.en() + ") was received via " + via.en()
                        + " at " + at + "; " + worker.en() + " reported no hazard of this kind in the grid from "
                        + lookBack.en() + " before to " + grace.en() + " after. " + streetName.en() + " and "
                        + districtName.en() + " should check whether the grid's patrols missed or concealed it.");
        for (Department dept : List.of(street, district)) {
            out.collect(ctx.alerts().create(new Finding(RULE_ID, AlertLevel.ALERT,
                    "grid:" + created.gridId() + "|" + category.family(), created.eventId() + "|" + dept.id(),
                    created.caseId(), dept, created.gridId(), created.category(), title, message,
                    List.of(created.eventId()), due, due), inForce.version()));
        }
    }

    /** Ledger CREATED events of hazard categories from the channels of the entry in force, keyed by grid and family. */
    static final class HazardCasesFromChannels implements FlatMapFunction<LedgerEvent, HazardSignal> {
        private final RuleContext ctx;

        HazardCasesFromChannels(RuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void flatMap(LedgerEvent e, Collector<HazardSignal> out) {
            if (ctx.isHazard(e.category()) && Complaints.isComplaint(e, RuleFamily.HAZARD_NOT_REPORTED_BY_GRID, ctx)) {
                out.collect(HazardSignal.of(key(e.gridId(), ctx.familyOf(e.category())), e));
            }
        }
    }

    /** Grid HAZARD reports, keyed by grid and family. */
    static final class GridHazardReports implements FlatMapFunction<GridReport, HazardSignal> {
        private final RuleContext ctx;

        GridHazardReports(RuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void flatMap(GridReport r, Collector<HazardSignal> out) {
            if (r.kind() == ReportKind.HAZARD && r.category() != null) {
                out.collect(HazardSignal.of(key(r.gridId(), ctx.familyOf(r.category())), r));
            }
        }
    }
}
