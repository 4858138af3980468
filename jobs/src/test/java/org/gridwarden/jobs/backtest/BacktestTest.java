package org.gridwarden.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest over 60 generated days of the shipped rule set against the same with the repeat-complaint
 * threshold lowered from 3 to 2: only repeated complaints change, each side raises what a replay with its own
 * rule set raises, and {@code --from/--to} counts what a replay of only that window's events raises.
 */
class BacktestTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String REPEAT = "REPEAT_COMPLAINT";
    private static final Instant FROM = Fixtures.beijing("2026-11-23T00:00");
    private static final Instant TO = Fixtures.beijing("2026-12-07T00:00");

    @TempDir
    static Path dir;

    private static final ReferenceData REFERENCE = Fixtures.reference();
    private static RuleSetHistory baseline;
    private static RuleSetHistory candidate;
    private static BacktestRun run;
    private static BacktestComparison comparison;

    @BeforeAll
    static void backtestSixtyDays() throws Exception {
        baseline = RuleSetLoader.loadHistory(List.of(CandidateRuleSets.SHIPPED), REFERENCE);
        candidate = RuleSetLoader.loadHistory(List.of(CandidateRuleSets.repeatThreshold(dir, 2)), REFERENCE);
        run = BacktestJob.run(new BacktestJob.Settings(GeneratedDays.sixty().dir(), null, null, 2), REFERENCE,
                baseline, candidate, System.out::println);
        comparison = BacktestComparison.of(run);
    }

    @Test
    void lowerRepeatThreshold_changesNoAlertOfAnyOtherRule() {
        assertEquals(Map.of(), otherRules(comparison.onlyBaseline()), "alerts only in the baseline");
        assertEquals(Map.of(), otherRules(comparison.onlyCandidate()), "alerts only in the candidate");
        assertEquals(Map.of(), otherRules(comparison.changed().stream().map(BacktestComparison.ChangedAlert::baseline)
                .toList()), "alerts changed");
        comparison.rows().stream().filter(r -> !r.ruleId().equals(REPEAT))
                .forEach(r -> assertEquals(0, r.delta(), r.toString()));
        assertEquals(9, comparison.rules().size(), "every rule is in the table: " + comparison.rules());
    }

    @Test
    void lowerRepeatThreshold_onlyAddsRepeatedComplaints() {
        Set<String> candidateIds = ids(run.candidate(), REPEAT);
        List<Alert> baselineAlerts = run.baseline().stream().filter(a -> a.ruleId().equals(REPEAT)).toList();
        assertTrue(baselineAlerts.size() > 10, "60 days have repeated complaints: " + baselineAlerts.size());
        assertTrue(candidateIds.size() > baselineAlerts.size(),
                "candidate " + candidateIds.size() + " > baseline " + baselineAlerts.size());
        List<String> lost = baselineAlerts.stream().filter(a -> !candidateIds.contains(a.alertId()))
                .map(a -> a.subjectKey() + " at " + a.caseId()).sorted().toList();
        assertEquals(List.of(), lost, "every repeated complaint of the baseline is raised by the candidate too");
    }

    @Test
    void eachSide_raisesWhatAReplayWithItsRuleSetRaises() throws Exception {
        ReplaySummary baselineReplay = GeneratedDays.shippedReplay();
        ReplaySummary candidateReplay = ReplayJob.run(
                new ReplayJob.Settings(GeneratedDays.sixty().dir(), dir.resolve("candidate-replay"), null, 2),
                REFERENCE, candidate, System.out);

        assertSameAlerts(baselineReplay.alerts(), run.baseline(), "baseline");
        assertSameAlerts(candidateReplay.alerts(), run.candidate(), "candidate");
        assertEquals(baselineReplay.horizon(), run.horizon());
        assertEquals(baselineReplay.in(), run.recordsRead(), "every line read once");
        assertEquals(run.recordsRead(), run.recordsInWindow(), "no window: every record reaches the rules");
    }

    @Test
    void fromTo_countsWhatAReplayOfTheWindowsEventsRaisesUpToItsEnd() throws Exception {
        BacktestRun window = BacktestJob.run(new BacktestJob.Settings(GeneratedDays.sixty().dir(), FROM, TO, 2),
                REFERENCE, baseline, candidate, System.out::println);
        Path windowInput = eventsBetween(GeneratedDays.sixty().dir(), FROM, TO, dir.resolve("window"));
        ReplaySummary windowReplay = ReplayJob.run(new ReplayJob.Settings(windowInput, dir.resolve("window-replay"),
                TO, 2), REFERENCE, baseline, System.out);

        assertEquals(TO, window.horizon());
        assertSameAlerts(windowReplay.alerts(), window.baseline(), "baseline in the window");
        assertTrue(window.baseline().size() > 100 && window.baseline().size() < run.baseline().size() / 2,
                "two weeks of 60 days: " + window.baseline().size() + " of " + run.baseline().size());
        List.of(window.baseline(), window.candidate()).forEach(alerts -> alerts.forEach(a -> assertTrue(
                !a.eventTime().isBefore(FROM) && !a.eventTime().isAfter(TO), a.eventTime() + " " + a.ruleId())));
        assertEquals(run.recordsRead(), window.recordsRead(), "every line is read");
        assertTrue(window.recordsInWindow() < window.recordsRead() / 3, "only the window's events reach the rules");
        assertTrue(window.alertsAfterHorizon() > 0, "deadlines after the window's end are not counted");
    }

    /**
     * The lines of the input files whose event time (a report's observedAt, a ledger event's at) lies in
     * {@code [from, to)}, as files of their own.
     */
    private static Path eventsBetween(Path input, Instant from, Instant to, Path out) throws IOException {
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        for (String stream : List.of("grid-reports.jsonl", "ledger-events.jsonl")) {
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(stream), StandardCharsets.UTF_8)) {
                for (String line : Files.readAllLines(input.resolve(stream), StandardCharsets.UTF_8)) {
                    Instant t = eventTime(json, line);
                    if (t != null && !t.isBefore(from) && t.isBefore(to)) {
                        w.write(line);
                        w.newLine();
                    }
                }
            }
        }
        return out;
    }

    private static Instant eventTime(ObjectMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            JsonNode time = node.hasNonNull("observedAt") ? node.get("observedAt") : node.get("at");
            return time == null ? null : OffsetDateTime.parse(time.asText()).toInstant();
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    private static void assertSameAlerts(List<Alert> expected, List<Alert> actual, String side) {
        assertEquals(byRule(expected), byRule(actual), side + ": alerts per rule");
        assertEquals(new HashSet<>(expected), new HashSet<>(actual), side + ": the same alerts, field by field");
    }

    private static Map<String, Long> byRule(List<Alert> alerts) {
        return BacktestComparison.countByRule(alerts);
    }

    private static Map<String, Long> otherRules(List<Alert> alerts) {
        Map<String, Long> byRule = new TreeMap<>(byRule(alerts));
        byRule.remove(REPEAT);
        return byRule;
    }

    private static Set<String> ids(List<Alert> alerts, String ruleId) {
        return alerts.stream().filter(a -> a.ruleId().equals(ruleId)).map(Alert::alertId).collect(Collectors.toSet());
    }
}
