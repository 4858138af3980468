package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.jobs.generate.GenerationSummary;
import org.gridwarden.jobs.generate.GeneratorSettings;
import org.gridwarden.jobs.generate.StreamGenerator;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** 30 generated days through the whole replay: the OVERDUE alerts are exactly the generator's overdue cases. */
class GeneratedMonthTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void overduePrecisionAndRecallAreOne_andEveryRecordIsAccountedFor(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        GenerationSummary manifest = StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(),
                GeneratorSettings.of(30, 42), in, line -> {});

        ReplaySummary replay = ReplayJob.run(new ReplayJob.Settings(in, dir.resolve("out"), null, 2),
                Fixtures.reference(), Fixtures.ruleSet(), System.out);
        replay.print(System.out);

        Set<String> raised = replay.alerts().stream()
                .filter(a -> a.level() == AlertLevel.OVERDUE && a.ruleId().equals("OVERDUE_CASE"))
                .map(Alert::caseId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(manifest.overdueCases());
        assertTrue(expected.size() > 50, "a month has many overdue cases: " + expected.size());
        Set<String> falsePositives = new TreeSet<>(raised);
        falsePositives.removeAll(expected);
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(raised);
        assertEquals(Set.of(), falsePositives, "precision 1.0: OVERDUE raised for cases the manifest has in time");
        assertEquals(Set.of(), missed, "recall 1.0: overdue cases without an OVERDUE alert");

        assertTrue(replay.balances(), "in = processed + dead-lettered + duplicates");
        long malformed = manifest.gridReports().malformedLines() + manifest.ledgerEvents().malformedLines();
        assertEquals(malformed, replay.invalid(), "every malformed line is dead-lettered");
        assertEquals(manifest.gridReports().duplicates() + manifest.ledgerEvents().duplicates(), replay.duplicates());
        assertEquals(0, replay.late());
        assertEquals(manifest.horizon(), replay.horizon());
    }
}
