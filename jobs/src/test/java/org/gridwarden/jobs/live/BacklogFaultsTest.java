package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.CityRates;
import org.gridwarden.testkit.generate.ExpectedAlerts;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.Layout;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job under the run defaults (quiet after 10 s, 5 s behind the wall clock) meeting history: a fresh
 * start on topics holding weeks of it, and a savepoint restart after days of downtime. Each is compared, alert
 * id by alert id, with a replay of exactly the same topics up to a cut both have passed: nothing missing,
 * nothing extra, nothing twice, no record dead-lettered as LATE and no restart.
 */
class BacklogFaultsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    /** What `gridwarden run` does by default. */
    private static final QuietPartitions RUN_DEFAULTS = QuietPartitions.live(Duration.ofSeconds(10), Duration.ofSeconds(5));
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final double AS_FAST_AS_POSSIBLE = 1e12;
    /** Topic names only: the lines are played to the run's broker. */
    private static final KafkaSettings TOPICS = KafkaSettings.defaults("localhost:0");

    @Test
    void aFreshStartOnTopicsHoldingWeeksOfHistory_raisesExactlyTheReplaysAlerts(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<TimedLinePlayer.Line> history = historyEndingYesterday(dir.resolve("in"), 21, CityRates.SAMPLE);
        try (LiveRun run = new LiveRun()) {
            TimedLinePlayer.play(run.kafka.bootstrapServers(), history, AS_FAST_AS_POSSIBLE, l -> {});
            Instant cut = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Alert> expected = run.replayOfTopics(dir.resolve("replay"), cut);

            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster, RUN_DEFAULTS);
            List<Alert> live = run.alertsBefore(cut, expected.size(), Duration.ofSeconds(180));
            assertEquals(0, LiveRun.restarts(cluster, job), "restarts");
            job.cancel().get();

            System.out.printf("fresh start on %,d records of 21 days: %d alerts before the cut, as in the replay%n",
                    history.size(), live.size());
            SameAlerts.assertSame(expected, live, "a fresh start on history against a replay of the same topics");
            assertNoLateRecords(run);
        }
    }

    @Test
    void aSavepointRestartAfterDaysOfDowntime_catchesUpWithoutLosingOrInventingAnAlert(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        // grid workers patrolling four times a day and visiting four households: reports far denser than cases
        CityRates busyGrids = new CityRates(4, 4.0, CityRates.SAMPLE.hazardsPerGrid(),
                CityRates.SAMPLE.casesPerThousandResidents());
        List<TimedLinePlayer.Line> history = historyEndingYesterday(dir.resolve("in"), 21, busyGrids);
        Instant down = LocalDate.now(DISTRICT).minusDays(6).atStartOfDay(DISTRICT).toInstant();
        List<TimedLinePlayer.Line> before = new ArrayList<>();
        List<TimedLinePlayer.Line> backlog = new ArrayList<>();
        // each topic's lines keep their recorded order, so a line goes with the newest time its topic reached
        Map<String, Instant> reached = new HashMap<>();
        for (TimedLinePlayer.Line l : history) {
            Instant t = reached.merge(l.topic(), l.eventTime() == null ? Instant.MIN : l.eventTime(),
                    (a, b) -> a.isAfter(b) ? a : b);
            (t.isBefore(down) ? before : backlog).add(l);
        }
        try (LiveRun run = new LiveRun()) {
            long reports = backlog.stream().filter(l -> l.topic().equals(TOPICS.gridReportsTopic())).count();
            System.out.printf("backlog: %,d records over %d days, %.1f grid reports per ledger event%n", backlog.size(),
                    Duration.between(down, Instant.now()).toDays(), reports / (double) Math.max(1, backlog.size() - reports));

            // live until the stop: the first part arrived as it happened, so no quiet spell put the job on the
            // wall clock before the downtime (here the first part is played at once, so quiet is kept off)
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster,
                    QuietPartitions.live(Duration.ofHours(1), RUN_DEFAULTS.lag()));
            TimedLinePlayer.play(run.kafka.bootstrapServers(), before, AS_FAST_AS_POSSIBLE, l -> {});
            Instant settled = down.minus(Duration.ofDays(1));
            run.alertsBefore(settled, run.replayOfTopics(dir.resolve("replay-before"), settled).size(), Duration.ofSeconds(180));
            String savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();

            // days of downtime: the rest of the history arrives while nothing reads it
            TimedLinePlayer.play(run.kafka.bootstrapServers(), backlog, AS_FAST_AS_POSSIBLE, l -> {});
            Instant cut = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Alert> expected = run.replayOfTopics(dir.resolve("replay"), cut);

            Instant restarted = Instant.now();
            JobClient second = run.startJob(Fixtures.ruleSet(), savepoint, cluster, RUN_DEFAULTS);
            List<Alert> live = run.alertsBefore(cut, expected.size(), Duration.ofSeconds(180));
            System.out.printf("savepoint restart on a backlog of %,d records: caught up %.1f s after the restart%n",
                    backlog.size(), Duration.between(restarted, Instant.now()).toMillis() / 1000.0 - 3);
            assertEquals(0, LiveRun.restarts(cluster, second), "restarts");
            second.cancel().get();

            SameAlerts.assertSame(expected, live, "a restart on a backlog against a replay of the same topics");
            assertNoLateRecords(run);
        }
    }

    /** Generated days of the sample district, the last one yesterday, each topic in its recorded order. */
    static List<TimedLinePlayer.Line> historyEndingYesterday(Path dir, int days, CityRates rates) throws Exception {
        LocalDate start = LocalDate.now(DISTRICT).minusDays(days + 1L);
        StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(),
                new GeneratorSettings(days, 7, start, Layout.SINGLE, rates, ExpectedAlerts.RECORDS), dir, line -> {});
        return ScenarioTopics.scenarioLines(dir, TOPICS);
    }

    private static void assertNoLateRecords(LiveRun run) throws Exception {
        Map<String, Integer> reasons = DeadLetterReasons.count(run.kafka.bootstrapServers(), run.settings.deadLetterTopic());
        assertTrue(!reasons.containsKey("LATE"), "records dead-lettered as LATE: " + reasons);
    }
}
