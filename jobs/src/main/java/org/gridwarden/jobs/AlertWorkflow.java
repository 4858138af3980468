package org.gridwarden.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.RuleFamilyDefinition;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.ingest.DeadLetterSplitter;
import org.gridwarden.rules.ingest.IngestGate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.privacy.PersonalDataGuard;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * The job's dataflow, the same live and in replay (DESIGN §2):
 *
 * <pre>
 *   grid.reports ──> split dead letters ──┐                                   ┌─> overdue cases ──┐
 *                          │              ├─> admit once ─> ledger ──┤                   ├─> alerts
 *   ledger.events ─> split dead letters ──┘  (dedupe, late)   reports ─┴─> ...             ─┘
 *                          └──────────────── dead letters ◄──────┘
 * </pre>
 *
 * Right after the split, each valid record's complainant id is pseudonymised and the personal numbers in its
 * text masked ({@link PersonalDataGuard}), before the duplicate check, the rules and their state see them.
 *
 * Sources and sinks are passed in, so tests run it on bounded input with collecting sinks. The rule families
 * come from their registry ({@link RuleFamilies}); each runs only when its rule-set section is switched on.
 */
public final class AlertWorkflow {

    /**
     * What the workflow produces: enriched alerts (not yet routed) as each family's operators raise them, dead
     * letters, and the rules that ran.
     */
    public record Outputs(List<DataStream<Alert>> familyAlerts, DataStream<DeadLetter> deadLetters,
            List<String> rules) {

        /** Every family's alerts as one stream. */
        public DataStream<Alert> alerts() {
            return RuleStreams.union(familyAlerts);
        }
    }

    private AlertWorkflow() {}

    /**
     * The workflow under the rule sets of {@code ctx}'s history: each family runs when any version switches it
     * on, and each decision uses the version in force at its event's time. Complainant ids are pseudonymised
     * under {@code pseudonyms} before anything else sees them.
     */
    public static Outputs define(DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents,
            RuleContext ctx, Pseudonyms pseudonyms) {
        return define(gridReports, ledgerEvents, ctx, pseudonyms, RuleFamilies.SHIPPED, null);
    }

    /**
     * The workflow of a bounded run that learns its horizon from its input: the operator keyed by case raises
     * nothing after {@code newestEvent}'s bound (see {@link BoundedRun#newestEvent()}; null: as above).
     */
    public static Outputs define(DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents,
            RuleContext ctx, Pseudonyms pseudonyms, NewestEventBound.Feed newestEvent) {
        return define(gridReports, ledgerEvents, ctx, pseudonyms, RuleFamilies.SHIPPED, newestEvent);
    }

    /**
     * The workflow with the rule families of {@code families}: every family some version switches on runs; a
     * family switched on but not registered is refused, never skipped.
     */
    public static Outputs define(DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents,
            RuleContext ctx, Pseudonyms pseudonyms, RuleFamilies families) {
        return define(gridReports, ledgerEvents, ctx, pseudonyms, families, null);
    }

    private static Outputs define(DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents,
            RuleContext ctx, Pseudonyms pseudonyms, RuleFamilies families, NewestEventBound.Feed newestEvent) {
        RuleSet ruleSet = ctx.ruleSet();
        // BATCH sorts every keyed input by event time, so no record can be late and none needs its raw line
        boolean lateIsPossible = gridReports.getExecutionEnvironment().getConfiguration()
                .get(ExecutionOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH;
        SingleOutputStreamOperator<Ingested> validReports = splitDeadLetters(gridReports, lateIsPossible,
                ctx.uid("split-dead-letters-grid-reports"), "Split off dead letters (grid reports)");
        SingleOutputStreamOperator<Ingested> validLedger = splitDeadLetters(ledgerEvents, lateIsPossible,
                ctx.uid("split-dead-letters-ledger-events"), "Split off dead letters (ledger events)");

        PersonalDataGuard guard = new PersonalDataGuard(pseudonyms);
        DataStream<Ingested> guardedReports = validReports.map(guard).setParallelism(validReports.getParallelism())
                .uid(ctx.uid(PersonalDataGuard.UID + "-grid-reports")).name(PersonalDataGuard.NAME + " (grid reports)");
        DataStream<Ingested> guardedLedger = validLedger.map(guard).setParallelism(validLedger.getParallelism())
                .uid(ctx.uid(PersonalDataGuard.UID + "-ledger-events")).name(PersonalDataGuard.NAME + " (ledger events)");

        SingleOutputStreamOperator<Ingested> admitted = guardedReports.union(guardedLedger)
                .keyBy(IngestGate.KEY)
                .process(new IngestGate(ruleSet.ingest().duplicateRetention().toDuration(),
                        ruleSet.ingest().allowedLateness().toString()))
                .uid(ctx.uid(IngestGate.UID)).name(IngestGate.NAME);

        DataStream<LedgerEvent> ledger = admitted.flatMap(new LedgerEventsOnly())
                .uid(ctx.uid("ledger-events-only")).name("Ledger events");
        DataStream<GridReport> reports = admitted.flatMap(new GridReportsOnly())
                .uid(ctx.uid("grid-reports-only")).name("Grid reports");

        List<RuleFamilyDefinition> running = families.running(ctx.history());
        RuleStreams streams = new RuleStreams(ledger, reports, running, ctx, newestEvent);
        List<String> rules = new ArrayList<>();
        for (RuleFamilyDefinition family : running) {
            rules.addAll(family.ruleIds());
            family.operator().wire(streams, ctx);
        }
        List<DataStream<Alert>> alerts = streams.alerts();
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("rule set " + ruleSet.version() + " switches every rule off");
        }
        DataStream<DeadLetter> deadLetters = validReports.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .union(validLedger.getSideOutput(DeadLetterSplitter.DEAD_LETTERS), admitted.getSideOutput(IngestGate.DEAD_LETTERS));
        return new Outputs(alerts, deadLetters, List.copyOf(rules));
    }

    /** Runs in the input's own tasks (chained to its source), so a record crosses the network once before the duplicate check. */
    private static SingleOutputStreamOperator<Ingested> splitDeadLetters(DataStream<Ingested> input,
            boolean keepRaw, String uid, String name) {
        return input.process(new DeadLetterSplitter(keepRaw)).uid(uid).name(name).setParallelism(input.getParallelism());
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
                out.collect(record.report().withoutNote());
            }
        }
    }
}
