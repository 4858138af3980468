package org.gridwarden.jobs.family;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.jobs.AlertWorkflow;
import org.gridwarden.jobs.JobEnvironments;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.ruleset.RuleEntry;
import org.gridwarden.rules.ruleset.RuleScope;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rule family added in test code, through its registry line only, runs in the unchanged workflow at
 * parallelism 2, bounded and streaming; the same rule set under the shipped registry is refused rather than
 * run without it.
 */
class RegisteredFamilyWorkflowTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant MONDAY = beijing("2026-11-16T09:00");
    /** A grid of street S02 (西门街道): the family alerts per grid. */
    private static final String OTHER_GRID = "S02C01G01";

    private static final RuleSet EVERY_THIRD_CASE = new RuleSet("nth-1", MONDAY.minusSeconds(86_400),
            Fixtures.ruleSet().ingest(), List.of(new RuleEntry("nth-case", NthCaseFamily.SECTION,
                    RuleScope.EVERYWHERE, new NthCaseFamily.NthCaseRules(true, 3))));

    @Test
    void aFamilyAddedThroughItsRegistryLine_raisesItsAlertsInTheWorkflow() throws Exception {
        RuleFamilies families = RuleFamilies.SHIPPED.with(NthCaseFamily.DEFINITION);
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.BATCH, RuntimeExecutionMode.STREAMING)) {
            List<String> rules = new ArrayList<>();
            List<Alert> alerts = run(mode, families, rules);

            assertEquals(List.of(NthCaseFamily.RULE_ID), rules, mode.name());
            // seven cases in the first grid (the 3rd and 6th alert), three in the other (the 3rd), in time order
            assertEquals(List.of("C03-created", "D03-created", "C06-created"),
                    alerts.stream().map(a -> a.evidence().get(0)).toList(), mode.name());
            assertTrue(alerts.stream().allMatch(a -> a.ruleId().equals(NthCaseFamily.RULE_ID)
                    && a.ruleSetVersion().equals("nth-1")), alerts.toString());
        }
    }

    @Test
    void aRuleSetSwitchingOnAnUnregisteredFamily_isRefused_notSkipped() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> run(RuntimeExecutionMode.BATCH, RuleFamilies.SHIPPED, new ArrayList<>()));
        assertTrue(refused.getMessage().contains("nth-case"), refused.getMessage());
    }

    private static List<Alert> run(RuntimeExecutionMode mode, RuleFamilies families, List<String> rules)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                JobEnvironments.base(mode, 2));
        DataStream<Ingested> ledger = source(env, "ledger", ledgerEvents());
        DataStream<Ingested> reports = source(env, "reports", List.of(patrol()));
        AlertWorkflow.Outputs outputs = AlertWorkflow.define(reports, ledger,
                RuleContext.of(Fixtures.reference(), EVERY_THIRD_CASE), Fixtures.samplePseudonyms(), families);
        rules.addAll(outputs.rules());
        List<Alert> alerts = new ArrayList<>();
        try (CloseableIterator<Alert> it = outputs.alerts().executeAndCollect("nth case " + mode)) {
            it.forEachRemaining(alerts::add);
        }
        alerts.sort(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId));
        return alerts;
    }

    private static DataStream<Ingested> source(StreamExecutionEnvironment env, String name, List<Ingested> records) {
        return env.fromData(records, TypeInformation.of(Ingested.class)).uid(name).name(name)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ingested>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.eventTimeMillis()))
                .uid(name + "-event-time").name(name + " event time");
    }

    /** Cases C01..C07 in the default grid and D01..D03 in the other, one an hour, interleaved. */
    private static List<Ingested> ledgerEvents() {
        List<Ingested> records = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            records.add(created("C0" + i, Ledger.GRID, MONDAY.plusSeconds(3_600L * i), records.size()));
            if (i <= 3) {
                records.add(created("D0" + i, OTHER_GRID, MONDAY.plusSeconds(3_600L * i + 60), records.size()));
            }
        }
        return records;
    }

    private static Ingested created(String caseId, String gridId, Instant at, int line) {
        LedgerEvent c = Ledger.created(caseId, at, "gas.leak", Priority.NORMAL);
        LedgerEvent inGrid = new LedgerEvent(c.eventId(), c.caseId(), c.type(), c.at(), c.channel(), c.category(),
                gridId, c.buildingId(), c.address(), c.complainantId(), c.priority(), c.dueAt(), c.sourceReportId(),
                c.department(), c.resolution(), c.satisfaction());
        return Ingested.of(inGrid, Origin.file("ledger.events", "ledger-events.jsonl", line + 1, "{}"));
    }

    private static Ingested patrol() {
        return Ingested.of(new GridReport("R1", Ledger.GRID, "W0001", ReportKind.PATROL, null, null, null, false, null,
                MONDAY, MONDAY, null), Origin.file("grid.reports", "grid-reports.jsonl", 1, "{}"));
    }
}
