package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-made scenario in sample-data/scenarios with an expected-alerts.jsonl, through the whole workflow
 * at parallelism 2, bounded (BATCH) and streaming: exactly the expected alerts, field by field, ids included.
 * A scenario about some rules only names them in {@code rules.txt}; alerts of the other rules are not its
 * subject (a month-long complaint scenario silences every grid it does not patrol, for instance).
 */
class RuleScenariosTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private final AlertCodec codec = new AlertCodec();

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.sampleData().resolve("scenarios"))) {
            return dirs.filter(d -> Files.exists(d.resolve("expected-alerts.jsonl"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void boundedAndStreamingRunsRaiseExactlyTheExpectedAlerts(Path scenario, @TempDir Path out) throws Exception {
        List<Alert> expected = read(scenario.resolve("expected-alerts.jsonl"));
        Path rulesFile = scenario.resolve("rules.txt");
        Set<String> rules = Files.exists(rulesFile)
                ? Files.readAllLines(rulesFile).stream().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toSet())
                : null;
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.BATCH, RuntimeExecutionMode.STREAMING)) {
            Path dir = out.resolve(mode.name());
            ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(scenario, dir, null, 2, mode),
                    Fixtures.reference(), Fixtures.ruleSet(), System.out);
            assertTrue(summary.balances(), mode + " " + summary);
            List<Alert> actual = read(dir.resolve("alerts/all.jsonl")).stream()
                    .filter(a -> rules == null || rules.contains(a.ruleId()))
                    .map(a -> a.withEmittedAt(null)).toList();
            assertEquals(ids(expected), ids(actual), mode + ": alert ids of " + scenario.getFileName());
            assertEquals(expected, actual, mode + ": alerts of " + scenario.getFileName());
        }
    }

    private List<Alert> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(codec::decodeAlert)
                .sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId)).toList();
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.ruleId() + " " + a.level() + " " + a.eventTime() + " " + a.alertId()).toList();
    }
}
