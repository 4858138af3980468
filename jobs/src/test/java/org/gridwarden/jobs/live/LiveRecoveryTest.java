package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.kafka.TimedLinePlayer;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job on the real in-JVM broker, exactly-once, read_committed readers: a task manager dies in the
 * middle of the recorded week, or the job is stopped with a savepoint and restarted from it with a changed
 * parameter; either way every department topic ends with exactly the week's expected alerts, none missing and
 * none duplicated.
 */
class LiveRecoveryTest {

    /** One task manager of two slots, so the job surely runs on the one that dies; a new one replaces it. */
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");
    private static final double SPEED = 40_000;

    @Test
    void taskManagerFailureMidStream_restoresFromTheLastCheckpoint_withoutLosingOrDuplicatingAlerts(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<Alert> expected = LiveRun.expected(WEEK);
        try (LiveRun run = new LiveRun()) {
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster);
            List<TimedLinePlayer.Line> lines = LiveRun.lines(WEEK, run.settings);
            int half = lines.size() / 2;
            TimedLinePlayer.play(run.kafka.bootstrapServers(), lines.subList(0, half), SPEED, l -> {});
            Thread.sleep(1500); // let a checkpoint complete with state in it
            cluster.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
            cluster.startTaskManager();
            LiveRun.awaitAllTasksRunning(cluster, job, 1); // restarted from the last checkpoint
            TimedLinePlayer.play(run.kafka.bootstrapServers(), lines.subList(half, lines.size()), SPEED, l -> {});
            run.awaitAlerts(expected.size(), Duration.ofSeconds(120));
            job.cancel().get();
            assertExactly(expected, run);
        }
    }

    @Test
    void stopWithSavepointAndRestartWithAChangedParameter_keepsOpenCasesWindowsAndDeadlines(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<Alert> expected = LiveRun.expected(WEEK);
        try (LiveRun run = new LiveRun()) {
            List<TimedLinePlayer.Line> lines = LiveRun.lines(WEEK, run.settings);
            int half = lines.size() / 2;
            JobClient first = run.startJob(Fixtures.ruleSet(), null, cluster);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), lines.subList(0, half), SPEED, l -> {});
            Thread.sleep(1500);
            String savepoint = first.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(60, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, first.getJobStatus().get());
            int beforeUpgrade = run.on(run.settings.allAlertsTopic()).size();

            JobClient second = run.startJob(withLongerDuplicateRetention(Fixtures.ruleSet()), savepoint, cluster);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), lines.subList(half, lines.size()), SPEED, l -> {});
            run.awaitAlerts(expected.size(), Duration.ofSeconds(120));
            second.cancel().get();
            assertEquals(true, beforeUpgrade > 0 && beforeUpgrade < expected.size(),
                    "the upgrade fell in the middle of the week: " + beforeUpgrade);
            assertExactly(expected, run);
        }
    }

    /** A parameter that changes no operator and no alert: the duplicate-memory of the ingest gate. */
    private static RuleSet withLongerDuplicateRetention(RuleSet rs) {
        return rs.withIngest(rs.ingest().withDuplicateRetention(TimeSpan.parse("8d")));
    }

    private static void assertExactly(List<Alert> expected, LiveRun run) {
        assertEquals(LiveRun.ids(expected), LiveRun.ids(run.on(run.settings.allAlertsTopic())),
                "alerts.all: every expected alert exactly once");
        Map<String, List<Alert>> byDepartment = expected.stream().collect(Collectors.groupingBy(Alert::department));
        byDepartment.forEach((department, alerts) -> {
            String topic = Fixtures.reference().department(department).orElseThrow().topic();
            assertEquals(LiveRun.ids(alerts), LiveRun.ids(run.on(topic)), topic);
        });
        assertEquals(byDepartment.size() + 1, run.byTopic.size(), "no alert on any other topic: " + run.byTopic.keySet());
    }
}
