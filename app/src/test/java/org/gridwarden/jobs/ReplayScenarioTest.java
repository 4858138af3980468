package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole workflow on a MiniCluster at parallelism 2 (generic types off) over the hand-made scenarios. */
class ReplayScenarioTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path SCENARIOS = Fixtures.sampleData().resolve("scenarios");
    private final AlertCodec codec = new AlertCodec();

    @Test
    void districtWeek_raisesExactlyTheExpectedAlerts_fieldByField(@TempDir Path out) throws Exception {
        Path scenario = SCENARIOS.resolve("district-week");
        ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(scenario, out, null, 2), Fixtures.reference(),
                Fixtures.ruleSet(), System.out);

        List<Alert> expected = readAlerts(scenario.resolve("expected-alerts.jsonl"));
        List<Alert> actual = readAlerts(out.resolve("alerts/all.jsonl"));
        assertEquals(expected.size(), actual.size(), "number of alerts");
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i).emittedAt() != null, "emit time stamped");
            assertEquals(expected.get(i), actual.get(i).withEmittedAt(null), "alert " + i);
        }
        // the 15-working-day wage-arrears case and the reopened case's escalation fall after the horizon
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), summary.horizon());
        assertTrue(summary.alertsAfterHorizon() > 0, "deadlines after the horizon were suppressed");
        assertTrue(summary.balances(), summary.toString());
        assertEquals(1, summary.duplicates(), "the duplicated dispatch of K-002");

        // each department's file holds exactly its alerts
        Map<String, Long> perDepartment = expected.stream()
                .collect(Collectors.groupingBy(Alert::department, Collectors.counting()));
        assertTrue(perDepartment.size() >= 3);
        for (Map.Entry<String, Long> e : perDepartment.entrySet()) {
            List<Alert> file = readAlerts(out.resolve("alerts/" + e.getKey() + ".jsonl"));
            assertEquals(e.getValue(), file.size(), e.getKey());
            assertTrue(file.stream().allMatch(a -> a.department().equals(e.getKey())));
        }
    }

    @Test
    void malformedLines_areEachDeadLetteredWithTheirReasonAndLine_andTheRunSucceeds(@TempDir Path out) throws Exception {
        Path scenario = SCENARIOS.resolve("malformed");
        int exit = GridwardenCli.commandLine().execute("replay", "--input", scenario.toString(), "--out", out.toString(),
                "--reference", Fixtures.sampleData().resolve("reference").toString(),
                "--rules", Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString(),
                "--pseudonym-key-file", Fixtures.sampleData().resolve("sample-pseudonym.key").toString());
        assertEquals(0, exit);

        Map<String, DeadLetter> byOrigin = Files.readAllLines(out.resolve("dlq.jsonl")).stream()
                .map(codec::decodeDeadLetter)
                .collect(Collectors.toMap(d -> Path.of(d.source()).getFileName() + ":" + d.line(), Function.identity()));
        List<String[]> expected = Files.readAllLines(scenario.resolve("expected-dead-letters.tsv")).stream()
                .filter(l -> !l.startsWith("#")).map(l -> l.split("\t")).toList();
        assertEquals(expected.size(), byOrigin.size(), "dead letters: " + byOrigin.keySet());
        for (String[] e : expected) {
            DeadLetter d = byOrigin.get(e[0] + ":" + e[1]);
            assertTrue(d != null, "no dead letter for " + e[0] + ":" + e[1]);
            assertEquals(e[2], d.reason(), e[0] + ":" + e[1] + " " + d.detail());
            assertTrue(d.detail().contains(e[3]), e[0] + ":" + e[1] + " detail: " + d.detail());
            assertTrue(d.raw() != null && !d.raw().isBlank(), "raw text kept");
        }
    }

    @Test
    void jobsRunWithGenericTypesDisabled_soAKryoFallbackFailsFast() {
        var env = JobEnvironments.create(JobEnvironments.base(org.apache.flink.api.common.RuntimeExecutionMode.BATCH, 2));
        assertTrue(env.getConfig().getSerializerConfig().hasGenericTypesDisabled());
        assertTrue(!env.getConfig().hasAutoGeneratedUIDsEnabled(), "every operator needs an explicit uid");
    }

    @Test
    void malformedLines_balanceTheRecordCount(@TempDir Path out) throws Exception {
        ReplaySummary s = ReplayJob.run(new ReplayJob.Settings(SCENARIOS.resolve("malformed"), out, null, 2),
                Fixtures.reference(), Fixtures.ruleSet(), System.out);
        assertEquals(24, s.in(), "18 ledger lines + 6 non-blank report lines");
        assertEquals(4, s.processed());
        assertEquals(19, s.deadLettered());
        assertEquals(1, s.duplicates());
        assertTrue(s.balances());
    }

    private List<Alert> readAlerts(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(codec::decodeAlert)
                .sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId)).toList();
    }
}
