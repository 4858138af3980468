package org.gridwarden.rules.hazard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory.Finding;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.HazardNotFiledRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;
import org.gridwarden.rules.ruleset.TimeSpan;

/**
 * Grid hazard reports never filed (隐患未立案): a grid HAZARD report not followed within {@code within} (the
 * end included) by a ledger CREATED that names it as {@code sourceReportId}, or that comes from channel GRID
 * for the same grid, building (both without one counts as the same) and category family. Raised at the
 * report's observedAt + within, to the district supervision office.
 *
 * <p>A CEP pattern keyed by grid, so a report and the cases that may file it meet: {@code report
 * notFollowedBy filed within(within + 1 ms)}, where the condition on {@code filed} relates the CREATED to
 * the report of its partial match. A pattern ending in notFollowedBy completes as a match when its window
 * ends without the negated event; the extra millisecond keeps a CREATED at exactly observedAt + within in
 * time (CEP times a match out when {@code t - start >= window}). CEP orders events by event time (reports
 * before ledger events at the same instant) in streaming and in BATCH mode alike, so arrival order does not
 * matter within the allowed lateness; every partial match ends with its window, which bounds the state.
 * A case filed under another grid than its report's is not seen.
 */
public final class HazardNotFiledRule {

    public static final String RULE_ID = "HAZARD_NOT_FILED";
    public static final String UID = "hazard-not-filed";
    public static final String NAME = "Grid hazard reports not filed (隐患未立案)";

    private HazardNotFiledRule() {}

    /**
     * Wires the rule: grid HAZARD reports and the CREATED events that may file them, one CEP pattern per grid.
     * A CEP pattern's window is fixed, so there is one pattern per distinct filing limit in the rule-set
     * history; each report goes to the pattern of the limit in force for it (its time, grid and category),
     * every possible filing to all of them. Usually that is one pattern.
     */
    public static DataStream<Alert> detect(
            DataStream<LedgerEvent> ledgerEvents, DataStream<GridReport> gridReports, RuleContext ctx) {
        DataStream<HazardSignal> reports = gridReports
                .flatMap(new HazardReports())
                .uid(ctx.uid(UID + "-reports")).name("Grid hazard reports (隐患未立案)");
        DataStream<HazardSignal> filings = ledgerEvents
                .flatMap(new PossibleFilings())
                .uid(ctx.uid(UID + "-filings")).name("Cases that may file a report (隐患未立案)");
        List<TimeSpan> limits = ctx.history().<HazardNotFiledRules>allParameters(RuleFamily.HAZARD_NOT_FILED).stream()
                .map(HazardNotFiledRules::within).distinct().sorted(Comparator.comparing(TimeSpan::toDuration))
                .toList();
        DataStream<Alert> alerts = null;
        for (TimeSpan limit : limits) {
            DataStream<Alert> withinLimit = notFiledWithin(limit, reports, filings, ctx);
            alerts = alerts == null ? withinLimit : alerts.union(withinLimit);
        }
        return alerts;
    }

    private static DataStream<Alert> notFiledWithin(
            TimeSpan limit, DataStream<HazardSignal> reports, DataStream<HazardSignal> filings, RuleContext ctx) {
        Pattern<HazardSignal, HazardSignal> notFiled = Pattern
                .<HazardSignal>begin("report", AfterMatchSkipStrategy.noSkip())
                .where(SimpleCondition.of(HazardSignal::isReport))
                .notFollowedBy("filed")
                .where(new Files(ctx))
                .within(limit.toDuration().plusMillis(1));
        DataStream<HazardSignal> reportsOfLimit = reports
                .filter(new ReportsWithLimit(limit, ctx))
                .uid(ctx.uid(UID + "-reports-" + limit)).name("Grid hazard reports to file within " + limit);
        return CEP.pattern(reportsOfLimit.union(filings).keyBy(HazardSignal.BY_KEY), notFiled, new ReportsFirst())
                .inEventTime()
                .process(new RaiseNotFiled(ctx))
                .uid(ctx.uid(UID + "-" + limit)).name(NAME + " within " + limit);
    }

    /** The entry in force for a grid hazard report, or null when none covers it or it is switched off. */
    static InForce<HazardNotFiledRules> rulesFor(GridReport r, RuleContext ctx) {
        return ctx.<HazardNotFiledRules>inForce(RuleFamily.HAZARD_NOT_FILED, r.observedAt(), r.gridId(), r.category())
                .orElse(null);
    }

    /** Reports whose filing limit is {@code limit}. */
    static final class ReportsWithLimit implements FilterFunction<HazardSignal> {
        private final TimeSpan limit;
        private final RuleContext ctx;

        ReportsWithLimit(TimeSpan limit, RuleContext ctx) {
            this.limit = limit;
            this.ctx = ctx;
        }

        @Override
        public boolean filter(HazardSignal s) {
            InForce<HazardNotFiledRules> rules = rulesFor(s.report(), ctx);
            return rules != null && rules.parameters().within().equals(limit);
        }
    }

    /** Whether a CREATED files the report of the partial match. */
    static final class Files extends IterativeCondition<HazardSignal> {
        private final RuleContext ctx;

        Files(RuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public boolean filter(HazardSignal s, Context<HazardSignal> c) throws Exception {
            if (s.isReport()) {
                return false;
            }
            LedgerEvent e = s.created();
            for (HazardSignal r : c.getEventsForPattern("report")) {
                if (files(e, r.report())) {
                    return true;
                }
            }
            return false;
        }

        private boolean files(LedgerEvent e, GridReport r) {
            return r.reportId().equals(e.sourceReportId())
                    || (e.channel() == Channel.GRID && e.gridId().equals(r.gridId())
                            && Objects.equals(e.buildingId(), r.buildingId())
                            && Objects.equals(ctx.familyOf(e.category()), ctx.familyOf(r.category())));
        }
    }

    static final class RaiseNotFiled extends PatternProcessFunction<HazardSignal, Alert> {
        private final RuleContext ctx;

        RaiseNotFiled(RuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void processMatch(Map<String, List<HazardSignal>> match, Context c, Collector<Alert> out) {
            GridReport r = match.get("report").get(0).report();
            InForce<HazardNotFiledRules> rules = rulesFor(r, ctx);
            Category category = ctx.reference().category(r.category()).orElseThrow();
            GridPlace place = ctx.reference().grid(r.gridId()).orElseThrow();
            Instant due = r.observedAt().plus(rules.parameters().within().toDuration());
            Bilingual cat = ReferenceNames.category(category);
            Bilingual grid = ReferenceNames.grid(place.grid());
            Bilingual worker = ReferenceNames.worker(place.grid());
            Bilingual within = ReferenceNames.span(rules.parameters().within());
            Bilingual supervision = ReferenceNames.department(ctx.reference().supervisionOffice());
            Bilingual street = ReferenceNames.street(place.street());
            String at = ctx.alerts().local(r.observedAt());
            Bilingual where = r.buildingId() == null
                    ? grid
                    : new Bilingual(grid.zh() + "楼栋" + r.buildingId(), grid.en() + ", building " + r.buildingId());
            Bilingual title = new Bilingual("隐患未立案：" + cat.zh() + "（" + grid.zh() + "）",
                    "Hazard not filed: " + cat.en() + " (" + grid.en() + ")");
            Bilingual message = new Bilingual(
                    worker.zh() + "于" + at + "上报" + where.zh() + "的" + cat.zh() + "隐患（" + r.reportId() + "），"
                            + within.zh() + "内未在服务台账立案，请" + supervision.zh() + "督促" + street.zh() + "立案处置。",
                    ReferenceNames.sentence(worker.en()) + " reported a hazard, " + cat.en() + ", at " + where.en() + " at " + at + " ("
                            + r.reportId() + "); no case was filed in the service ledger within " + within.en()
                            + ". " + supervision.en() + " should see that " + street.en() + " files and handles it.");
            out.collect(ctx.alerts().create(new Finding(RULE_ID, AlertLevel.ALERT, "report:" + r.reportId(),
                    r.reportId(), null, ctx.reference().supervisionOffice(), r.gridId(), r.category(), title,
                    message, List.of(r.reportId()), due, due), rules.version()));
        }
    }

    /** At the same instant a report comes before the cases, so a case filed the moment it was observed counts. */
    static final class ReportsFirst implements EventComparator<HazardSignal> {
        private static final Comparator<HazardSignal> ORDER =
                Comparator.comparing((HazardSignal s) -> !s.isReport()).thenComparing(HazardSignal::id);

        @Override
        public int compare(HazardSignal a, HazardSignal b) {
            return ORDER.compare(a, b);
        }
    }

    /** Grid HAZARD reports, keyed by grid. */
    static final class HazardReports implements FlatMapFunction<GridReport, HazardSignal> {
        @Override
        public void flatMap(GridReport r, Collector<HazardSignal> out) {
            if (r.kind() == ReportKind.HAZARD && r.category() != null) {
                out.collect(HazardSignal.of(r.gridId(), r));
            }
        }
    }

    /** CREATED events that can file a report: those naming a source report, and those from the grid channel. */
    static final class PossibleFilings implements FlatMapFunction<LedgerEvent, HazardSignal> {
        @Override
        public void flatMap(LedgerEvent e, Collector<HazardSignal> out) {
            if (e.type() == LedgerEventType.CREATED && (e.sourceReportId() != null || e.channel() == Channel.GRID)) {
                out.collect(HazardSignal.of(e.gridId(), e));
            }
        }
    }
}
