package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.jobs.EmissionWindow;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger whose clock runs two days ahead sends one event in the middle of the recorded week: live and in a
 * replay as of the week's end, that event is dead-lettered FUTURE, saying by how much, and the week raises
 * exactly its 33 alerts, with no restart; the record ahead does not set a replay's horizon.
 */
class FutureDatedRecordTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");
    private static final Instant MID_WEEK = OffsetDateTime.parse("2026-11-18T12:00:00+08:00").toInstant();
    /** The week's newest event time. */
    private static final Instant WEEK_END = OffsetDateTime.parse("2026-11-20T18:00:00+08:00").toInstant();
    private static final String AHEAD = """
            {"eventId":"AHEAD-c","caseId":"AHEAD","type":"CREATED","at":"%s",\
            "channel":"WINDOW","category":"welfare.subsidy_inquiry","gridId":"S01C01G01","priority":"URGENT"}""";

    private static String twoDaysAhead(Instant sent) {
        return AHEAD.formatted(sent.plus(Duration.ofDays(2)).atOffset(ZoneOffset.ofHours(8)));
    }

    @Test
    void live_theRecordAheadIsDeadLetteredFuture_andTheWeeksAlertsAllArrive(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        List<Alert> expected = LiveRun.expected(WEEK);
        try (LiveRun run = new LiveRun()) {
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster);
            List<TimedLinePlayer.Line> lines = new ArrayList<>(LiveRun.lines(WEEK, run.settings));
            String ahead = twoDaysAhead(MID_WEEK);
            lines.add(TimedLinePlayer.line(run.settings.ledgerEventsTopic(), ahead, lines.size()).sentAt(MID_WEEK));
            TimedLinePlayer.play(run.kafka.bootstrapServers(), lines, 40_000, l -> {});
            run.awaitAlerts(expected.size(), Duration.ofSeconds(120));
            List<DeadLetter> future = DeadLetterReader.read(run.kafka.bootstrapServers(), run.settings.deadLetterTopic(),
                    dl -> dl.stream().anyMatch(d -> d.reason().equals(DeadLetter.FUTURE)), Duration.ofSeconds(30))
                    .stream().filter(d -> d.reason().equals(DeadLetter.FUTURE)).toList();
            int restarts = 0;
            for (AccessExecutionVertex v : cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
                restarts += v.getCurrentExecutionAttempt().getAttemptNumber();
            }
            job.cancel().get();

            assertEquals(0, restarts, "no restart");
            SameAlerts.assertSame(expected, run.on(run.settings.allAlertsTopic()), "the week's alerts, live");
            assertEquals(1, future.size(), "the record ahead: " + future);
            assertEquals(ahead, future.get(0).raw());
            assertTrue(future.get(0).detail().contains("PT48H ahead"), future.get(0).detail());
        }
    }

    @Test
    void replayAsOf_deadLettersTheRecordAhead_andKeepsTheHorizonAtTheNewestPlausibleTime(@TempDir Path dir)
            throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        String ahead = twoDaysAhead(WEEK_END);
        Files.copy(WEEK.resolve("grid-reports.jsonl"), input.resolve("grid-reports.jsonl"));
        Files.writeString(input.resolve("ledger-events.jsonl"),
                Files.readString(WEEK.resolve("ledger-events.jsonl")).stripTrailing() + "\n" + ahead + "\n");
        ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(input, dir.resolve("out"), null, 2,
                RuntimeExecutionMode.BATCH, EmissionWindow.ALL, null).withAsOf(WEEK_END), Fixtures.reference(), Fixtures.ruleSet(),
                System.out);

        AlertCodec codec = new AlertCodec();
        List<DeadLetter> future = Files.readAllLines(dir.resolve("out/dlq.jsonl")).stream().filter(l -> !l.isBlank())
                .map(codec::decodeDeadLetter).filter(d -> d.reason().equals(DeadLetter.FUTURE)).toList();
        assertEquals(1, future.size(), "the record ahead: " + future);
        assertEquals(ahead, future.get(0).raw());
        assertEquals(56, future.get(0).line(), "file and line kept");
        assertTrue(future.get(0).detail().contains("PT48H ahead"), future.get(0).detail());
        List<Alert> replayed = Files.readAllLines(dir.resolve("out/alerts/all.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(codec::decodeAlert).toList();
        SameAlerts.assertSame(LiveRun.expected(WEEK), replayed, "the week's alerts, replayed as of the week's end");
        assertEquals(WEEK_END, summary.horizon(), "the record ahead does not set the horizon");
    }
}
