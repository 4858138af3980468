package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gridwarden.bench.BaselineResult;
import org.gridwarden.bench.HashMapDetector;
import org.gridwarden.bench.OverdueCases;
import org.gridwarden.rules.model.Priority;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HashMap detector does the work of the real rules: over the 60 generated days (seed 42) it raises as many
 * repeated-complaint alerts as the replay, and, under a rule set whose time limits are all in hours, as many
 * overdue-case alerts of every level as the replay under that rule set.
 */
class HashMapDetectorTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String OVERDUE = "OVERDUE_CASE";
    private static final String REPEAT = "REPEAT_COMPLAINT";

    private static RuleSet hours;
    private static ReplaySummary replay;
    private static BaselineResult detector;

    @BeforeAll
    static void replayAndDetect() throws Exception {
        Path in = GeneratedDays.sixty().dir();
        hours = inHours(Fixtures.ruleSet());
        replay = ReplayJob.run(new ReplayJob.Settings(in, Files.createTempDirectory("baseline-replay"), null, 2),
                Fixtures.reference(), hours, System.out);
        detector = HashMapDetector.run(ParseFloorTest.inputFiles(in), Fixtures.reference(), hours, 1);
    }

    @Test
    void repeatedComplaints_asManyAsTheRealRuleRaises() {
        assertEquals(26, replay.alertsByRule().get(REPEAT));
        assertEquals(26, detector.count(REPEAT));
    }

    @Test
    void overdueCasesWithLimitsInHours_asManyOfEveryLevelAsTheRealRuleRaises() {
        Map<String, Long> byLevel = new TreeMap<>();
        for (Alert a : replay.alerts()) {
            if (a.ruleId().equals(OVERDUE)) {
                byLevel.merge(OVERDUE + "/" + a.level(), 1L, Long::sum);
            }
        }
        assertTrue(byLevel.get(OVERDUE + "/OVERDUE") > 100, "60 days have many overdue cases");
        assertEquals(byLevel, Map.of(
                OverdueCases.WARNINGS, detector.count(OverdueCases.WARNINGS),
                OverdueCases.OVERDUE, detector.count(OverdueCases.OVERDUE),
                OverdueCases.ESCALATED, detector.count(OverdueCases.ESCALATED)));
        assertEquals(replay.alertsByRule().get(OVERDUE), detector.count(OVERDUE));
    }

    @Test
    void everyRecordIsRead_andBrokenLinesAndDuplicatesAreDropped() throws Exception {
        GenerationSummary m = GeneratedDays.sixty().manifest();
        assertEquals(m.gridReports().lines() + m.ledgerEvents().lines(), detector.records());
        assertEquals(replay.invalid(), detector.count(HashMapDetector.DEAD_LETTERS));
        assertEquals(replay.duplicates(), detector.count(HashMapDetector.DUPLICATES));
        assertEquals(0, detector.count(HashMapDetector.LATE));
    }

    @Test
    void overPreDecodedRecords_theSameCounts() throws Exception {
        BaselineResult decoded = HashMapDetector.runDecoded(ParseFloorTest.inputFiles(GeneratedDays.sixty().dir()),
                Fixtures.reference(), hours, 2);
        assertEquals(detector.counts(), decoded.counts());
        assertEquals(detector.records(), decoded.records());
    }

    /** The shipped rule set with every overdue period in working days written as as many 24-hour days. */
    private static RuleSet inHours(RuleSet shipped) {
        OverdueRules o = shipped.overdue();
        Map<String, Map<Priority, TimeSpan>> limits = new TreeMap<>();
        o.timeLimits().forEach((limitClass, byPriority) -> {
            Map<Priority, TimeSpan> h = new TreeMap<>();
            byPriority.forEach((priority, limit) -> h.put(priority, inHours(limit)));
            limits.put(limitClass, h);
        });
        return shipped.withParameters("overdue", new OverdueRules(o.enabled(), o.warningFraction(),
                inHours(o.escalationDelay()), inHours(o.signForLimit()), o.openCaseRetention(),
                o.closedCaseRetention(), limits));
    }

    private static TimeSpan inHours(TimeSpan span) {
        return span.isWorkingDays() ? TimeSpan.hours(span.amount() * 24) : span;
    }
}
