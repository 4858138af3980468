package org.gridwarden.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.complaint.ComplaintAfterClosureRule;
import org.gridwarden.rules.complaint.ComplaintSurgeRule;
import org.gridwarden.rules.complaint.RepeatComplaintRule;
import org.gridwarden.rules.grid.SilentGridRule;
import org.gridwarden.rules.hazard.HazardNotFiledRule;
import org.gridwarden.rules.hazard.HazardNotReportedRule;
import org.gridwarden.rules.hazard.PatrolMissedHazardRule;
import org.gridwarden.rules.ingest.DeadLetterSplitter;
import org.gridwarden.rules.ingest.IngestGate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.overdue.OverdueCaseRule;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * The job's dataflow, the same live and in replay (DESIGN §2):
 *
 * <pre>
 *   grid.reports ──┐                                                ┌─> overdue cases ──┐
 *                  ├─> split dead letters ─> admit once ─> ledger ──┤                   ├─> alerts
 *   ledger.events ─┘          │          (dedupe, late)    reports ─┴─> ...             ─┘
 *                             └────────── dead letters ◄──────┘
 * </pre>
 *
 * Sources and sinks are passed in, so tests run it on bounded input with collecting sinks. Each rule family
 * runs only when its rule-set section is switched on.
 */
public final class AlertWorkflow {

    /** What the workflow produces: enriched alerts (not yet routed), dead letters, and the rules that ran. */
    public record Outputs(DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters, List<String> rules) {}

    private AlertWorkflow() {}

    public static Outputs define(
            DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents, RuleSet ruleSet,
            ReferenceData reference) {
        return define(gridReports, ledgerEvents, RuleContext.of(reference, ruleSet));
    }

    /**
     * The workflow under the rule sets of {@code ctx}'s history: each family runs when any version switches it
     * on, and each decision uses the version in force at its event's time.
     */
    public static Outputs define(
            DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents, RuleContext ctx) {
        RuleSet ruleSet = ctx.ruleSet();
        SingleOutputStreamOperator<Ingested> valid = gridReports.union(ledgerEvents)
                .process(new DeadLetterSplitter())
                .uid(ctx.uid("split-dead-letters")).name("Split off dead letters");

        SingleOutputStreamOperator<Ingested> admitted = valid
                .keyBy(Ingested::dedupeKey)
                .process(new IngestGate(ruleSet.ingest().duplicateRetention().toDuration(),
                        ruleSet.ingest().allowedLateness().toString()))
                .uid(ctx.uid(IngestGate.UID)).name(IngestGate.NAME);

        DataStream<LedgerEvent> ledger = admitted.flatMap(new LedgerEventsOnly())
                .uid(ctx.uid("ledger-events-only")).name("Ledger events");
        DataStream<GridReport> reports = admitted.flatMap(new GridReportsOnly())
                .uid(ctx.uid("grid-reports-only")).name("Grid reports");

        List<String> rules = new ArrayList<>();
        List<DataStream<Alert>> alerts = new ArrayList<>();
        if (ctx.history().runs(RuleFamily.OVERDUE)) {
            rules.add(OverdueCaseRule.RULE_OVERDUE);
            rules.add(OverdueCaseRule.RULE_SIGN_FOR);
            alerts.add(OverdueCaseRule.detect(ledger, ctx));
        }
        if (ctx.history().runs(RuleFamily.REPEAT_COMPLAINT)) {
            rules.add(RepeatComplaintRule.RULE_ID);
            alerts.add(RepeatComplaintRule.detect(ledger, ctx));
        }
        if (ctx.history().runs(RuleFamily.COMPLAINT_AFTER_CLOSURE)) {
            rules.add(ComplaintAfterClosureRule.RULE_ID);
            alerts.add(ComplaintAfterClosureRule.detect(ledger, ctx));
        }
        if (ctx.history().runs(RuleFamily.COMPLAINT_SURGE)) {
            rules.add(ComplaintSurgeRule.RULE_ID);
            alerts.add(ComplaintSurgeRule.detect(ledger, ctx));
        }
        if (ctx.history().runs(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID)) {
            rules.add(HazardNotReportedRule.RULE_ID);
            alerts.add(HazardNotReportedRule.detect(ledger, reports, ctx));
        }
        if (ctx.history().runs(RuleFamily.PATROL_MISSED_HAZARD)) {
            rules.add(PatrolMissedHazardRule.RULE_ID);
            alerts.add(PatrolMissedHazardRule.detect(ledger, reports, ctx));
        }
        if (ctx.history().runs(RuleFamily.HAZARD_NOT_FILED)) {
            rules.add(HazardNotFiledRule.RULE_ID);
            alerts.add(HazardNotFiledRule.detect(ledger, reports, ctx));
        }
        if (ctx.history().runs(RuleFamily.SILENT_GRID)) {
            rules.add(SilentGridRule.RULE_ID);
            alerts.add(SilentGridRule.detect(ledger, reports, ctx));
        }
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("rule set " + ruleSet.version() + " switches every rule off");
        }
        DataStream<Alert> all = alerts.get(0);
        for (DataStream<Alert> more : alerts.subList(1, alerts.size())) {
            all = all.union(more);
        }
        DataStream<DeadLetter> deadLetters = valid.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .union(admitted.getSideOutput(IngestGate.LATE));
        return new Outputs(all, deadLetters, List.copyOf(rules));
    }

    private static final class LedgerEventsOnly implements FlatMapFunction<Ingested, LedgerEvent> {
        @Override
        public void flatMap(Ingested record, Collector<LedgerEvent> out) {
            if (record.ledgerEvent() != null) {
                out.collect(record.ledgerEvent());
            }
        }
    }

    private static final class GridReportsOnly implements FlatMapFunction<Ingested, GridReport> {
        @Override
        public void flatMap(Ingested record, Collector<GridReport> out) {
            if (record.report() != null) {
                out.collect(record.report());
            }
        }
    }
}
