package org.gridwarden.jobs;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.ingest.DeadLetterSplitter;
import org.gridwarden.rules.ingest.IngestGate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.overdue.OverdueCaseLogic;
import org.gridwarden.rules.overdue.OverdueCaseRule;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * The job's dataflow, the same live and in replay (DESIGN §2):
 *
 * <pre>
 *   grid.reports ──┐
 *                  ├─> split dead letters ─> admit once (dedupe, late) ─> overdue cases ─> alerts
 *   ledger.events ─┘          └──────────── dead letters ◄──────┘
 * </pre>
 *
 * Sources and sinks are passed in, so tests run it on bounded input with collecting sinks.
 */
public final class AlertWorkflow {

    /** What the workflow produces: enriched alerts (not yet routed) and dead letters. */
    public record Outputs(DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters) {}

    private AlertWorkflow() {}

    public static Outputs define(
            DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents, RuleSet ruleSet,
            ReferenceData reference) {
        SingleOutputStreamOperator<Ingested> valid = gridReports.union(ledgerEvents)
                .process(new DeadLetterSplitter())
                .uid("split-dead-letters").name("Split off dead letters");

        SingleOutputStreamOperator<Ingested> admitted = valid
                .keyBy(Ingested::dedupeKey)
                .process(new IngestGate(ruleSet.ingest().duplicateRetention().toDuration(),
                        ruleSet.ingest().allowedLateness().toString()))
                .uid(IngestGate.UID).name(IngestGate.NAME);

        AlertFactory alerts = new AlertFactory(reference, ruleSet.version());
        DataStream<Alert> overdue = admitted
                .flatMap(new LedgerEventsOnly())
                .uid("ledger-events-only").name("Ledger events")
                .keyBy(LedgerEvent::caseId)
                .process(new OverdueCaseRule(new OverdueCaseLogic(ruleSet.overdue(), alerts)))
                .uid(OverdueCaseRule.UID).name(OverdueCaseRule.NAME);

        DataStream<DeadLetter> deadLetters = valid.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .union(admitted.getSideOutput(IngestGate.LATE));
        return new Outputs(overdue, deadLetters);
    }

    private static final class LedgerEventsOnly implements FlatMapFunction<Ingested, LedgerEvent> {
        @Override
        public void flatMap(Ingested record, Collector<LedgerEvent> out) {
            if (record.ledgerEvent() != null) {
                out.collect(record.ledgerEvent());
            }
        }
    }
}
