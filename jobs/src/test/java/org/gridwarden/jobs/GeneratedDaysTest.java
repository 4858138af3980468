package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 60 generated days through the whole replay: for every rule, the alerts raised are exactly those the
 * generator's manifest says are due by the horizon (precision and recall 1.0), and every record is accounted for.
 */
class GeneratedDaysTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Pseudonyms PSEUDONYMS = Fixtures.samplePseudonyms();

    private static GenerationSummary manifest;
    private static ReplaySummary replay;

    @BeforeAll
    static void generateAndReplay() throws Exception {
        manifest = GeneratedDays.sixty().manifest();
        replay = GeneratedDays.shippedReplay();
        replay.print(System.out);
    }

    @Test
    void overduePrecisionAndRecallAreOne() {
        Set<String> raised = replay.alerts().stream()
                .filter(a -> a.level() == AlertLevel.OVERDUE && a.ruleId().equals("OVERDUE_CASE"))
                .map(Alert::caseId).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(manifest.overdueCases().size() > 100, "60 days have many overdue cases");
        assertSameKeys("OVERDUE_CASE", new TreeSet<>(manifest.overdueCases()), raised);
    }

    @Test
    void everyOtherRule_raisesExactlyTheManifestsAlerts() {
        Map<String, List<String>> expected = manifest.expectedAlerts();
        assertEquals(Set.of("REPEAT_COMPLAINT", "COMPLAINT_AFTER_CLOSURE", "HAZARD_NOT_REPORTED_BY_GRID",
                "PATROL_MISSED_HAZARD", "HAZARD_NOT_FILED", "SILENT_GRID", "COMPLAINT_SURGE"), expected.keySet());
        Map<String, Set<String>> raised = new TreeMap<>();
        for (Alert a : replay.alerts()) {
            String key = manifestKey(a);
            if (key != null) {
                raised.computeIfAbsent(a.ruleId(), r -> new TreeSet<>()).add(key);
            }
        }
        expected.forEach((rule, keys) -> {
            assertTrue(!keys.isEmpty(), rule + " was injected");
            Set<String> due = keys.stream().map(GeneratedDaysTest::pseudonymised).collect(Collectors.toCollection(TreeSet::new));
            assertSameKeys(rule, due, raised.getOrDefault(rule, Set.of()));
        });
    }

    @Test
    void everyRecordIsAccountedFor_andEveryRuleIsInTheSummary() {
        assertTrue(replay.balances(), "in = processed + dead-lettered + duplicates");
        long malformed = manifest.gridReports().malformedLines() + manifest.ledgerEvents().malformedLines();
        assertEquals(malformed, replay.invalid(), "every malformed line is dead-lettered");
        assertEquals(manifest.gridReports().duplicates() + manifest.ledgerEvents().duplicates(), replay.duplicates());
        assertEquals(0, replay.late());
        assertEquals(manifest.horizon(), replay.horizon());
        assertEquals(9, replay.alertsByRule().size(), replay.alertsByRule().toString());
    }

    /** The manifest's key of what an alert is about; null for rules the manifest keys differently (overdue). */
    private static String manifestKey(Alert a) {
        return switch (a.ruleId()) {
            case "REPEAT_COMPLAINT" -> a.subjectKey() + "@" + a.caseId();
            case "COMPLAINT_AFTER_CLOSURE", "HAZARD_NOT_REPORTED_BY_GRID" -> a.caseId();
            case "PATROL_MISSED_HAZARD" -> a.evidence().stream().filter(id -> id.startsWith("R")).findFirst().orElseThrow();
            case "HAZARD_NOT_FILED" -> a.subjectKey().substring("report:".length());
            case "SILENT_GRID" -> a.gridId() + "@" + a.eventTime().minus(Duration.ofDays(3));
            case "COMPLAINT_SURGE" -> a.subjectKey().substring("community:".length()) + "@" + caseOf(last(a.evidence()));
            default -> null;
        };
    }

    /** The manifest names complainants as generated; alerts name them by their pseudonym under the sample key. */
    private static String pseudonymised(String manifestKey) {
        if (!manifestKey.startsWith("complainant:")) {
            return manifestKey;
        }
        int bar = manifestKey.indexOf('|');
        return "complainant:" + PSEUDONYMS.pseudonym(manifestKey.substring("complainant:".length(), bar))
                + manifestKey.substring(bar);
    }

    private static String last(List<String> ids) {
        return ids.get(ids.size() - 1);
    }

    /** Generated event ids are {@code <caseId>-<nn>}. */
    private static String caseOf(String eventId) {
        return eventId.substring(0, eventId.lastIndexOf('-'));
    }

    private static void assertSameKeys(String rule, Set<String> expected, Set<String> raised) {
        Set<String> falsePositives = new TreeSet<>(raised);
        falsePositives.removeAll(expected);
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(raised);
        assertEquals(Set.of(), falsePositives, rule + ": precision 1.0, raised but not due");
        assertEquals(Set.of(), missed, rule + ": recall 1.0, due but not raised");
    }
}
