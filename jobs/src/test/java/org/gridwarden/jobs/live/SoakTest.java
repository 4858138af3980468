package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded soak: two months of the sample district played at a day a second into the live job, with
 * faults injected at seeded random moments: resent and rewritten records, broken and oversized lines, a
 * broker outage and a stop with savepoint while the producers go on (a backlog at the restart). The alerts
 * must be exactly those of a replay of the same topics, no record late, and the checkpoint size must level
 * off once the rules' retention windows are full.
 */
class SoakTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final long SEED = 20261205L;
    /** Past the longest retention of closed cases and complaint windows (30 days), so that state can level off. */
    private static final int DAYS = 60;
    private static final double SPEED = 86_400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final KafkaSettings TOPICS = KafkaSettings.defaults("localhost:0");

    @Test
    void twoMonthsWithFaultsAtRandom_raisesExactlyTheReplaysAlerts_andItsStateLevelsOff(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Random random = new Random(SEED);
        // a fixed stretch of the past: nothing is dated ahead of the wall clock, whatever today is
        LocalDate start = LocalDate.of(2026, 9, 7);
        StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(), new GeneratorSettings(DAYS, SEED, start),
                dir.resolve("in"), line -> {});
        List<TimedLinePlayer.Line> lines = withInputFaults(ScenarioTopics.scenarioLines(dir.resolve("in"), TOPICS), random);
        Instant first = start.atStartOfDay(DISTRICT).toInstant();
        Instant outageAt = first.plus(Duration.ofHours(24L * DAYS / 4 + random.nextInt(24 * DAYS / 10)));
        Instant stopAt = first.plus(Duration.ofHours(24L * DAYS / 2 + random.nextInt(24 * DAYS / 10)));
        Instant restartAt = stopAt.plus(Duration.ofDays(2));
        Map<Phase, List<TimedLinePlayer.Line>> phases = byPhase(lines, stopAt, restartAt);

        Map<LocalDate, Long> stateByDay = new ConcurrentSkipListMap<>();
        try (LiveRun run = new LiveRun(EmbeddedKafka.builder().outageSwitch().start())) {
            AtomicReference<JobClient> job = new AtomicReference<>(run.startJob(Fixtures.ruleSet(), null, cluster));
            AtomicBoolean outage = new AtomicBoolean();
            int[] played = {0};
            Consumer<TimedLinePlayer.Line> faultsAndState = line -> {
                if (line.eventTime() != null && !line.eventTime().isBefore(outageAt) && !outage.getAndSet(true)) {
                    outage(run.kafka);
                }
                if (++played[0] % 500 == 0 && line.eventTime() != null) {
                    long size = latestCheckpointSize(cluster, job.get());
                    if (size > 0) {
                        stateByDay.merge(LocalDate.ofInstant(line.eventTime(), DISTRICT), size, Math::max);
                    }
                }
            };
            TimedLinePlayer.play(run.kafka.bootstrapServers(), phases.get(Phase.BEFORE_STOP), SPEED, faultsAndState);
            String savepoint = job.get().stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();
            TimedLinePlayer.play(run.kafka.bootstrapServers(), phases.get(Phase.DOWNTIME), SPEED, line -> {});
            job.set(run.startJob(Fixtures.ruleSet(), savepoint, cluster));
            TimedLinePlayer.play(run.kafka.bootstrapServers(), phases.get(Phase.AFTER_RESTART), SPEED,
                    faultsAndState);

            Instant cut = lastEventTime(lines).minus(Duration.ofHours(1));
            List<Alert> expected = run.replayOfTopics(dir.resolve("replay"), cut);
            List<Alert> live = run.alertsBefore(cut, expected.size(), Duration.ofSeconds(180));
            int restarts = LiveRun.restarts(cluster, job.get());
            job.get().cancel().get();

            Map<String, Integer> reasons = DeadLetterReasons.count(run.kafka.bootstrapServers(),
                    run.settings.deadLetterTopic());
            System.out.printf("soak: %d days, %,d records (%d faults of input), outage at %s, savepoint"
                            + " at %s, restart on a backlog of %,d records at %s; %,d alerts as in the replay; dead"
                            + " letters %s; %d task restarts after the savepoint%n", DAYS, lines.size(), injected,
                    outageAt, stopAt, phases.get(Phase.DOWNTIME).size(), restartAt, live.size(), reasons, restarts);
            System.out.println("soak: largest checkpoint per simulated day (bytes): " + stateByDay);
            SameAlerts.assertSame(expected, live, "two months with faults against a replay of the same topics");
            assertFalse(reasons.containsKey("LATE"), "records dead-lettered as LATE: " + reasons);
            for (String injectedReason : List.of("CONFLICTING_DUPLICATE", "TOO_LARGE", "MALFORMED_JSON")) {
                assertTrue(reasons.containsKey(injectedReason), "the injected faults reached the job: " + reasons);
            }
            assertEquals(0, restarts, "task restarts caused by input or by the outage");
            assertLevelsOff(stateByDay);
        }
    }

    private int injected;

    private enum Phase { BEFORE_STOP, DOWNTIME, AFTER_RESTART }

    /**
     * The lines sent before the stop, while the job is down and after its restart. A line goes with the newest
     * time its topic has reached, as the player sends it, so each topic keeps its recorded order.
     */
    private static Map<Phase, List<TimedLinePlayer.Line>> byPhase(List<TimedLinePlayer.Line> lines, Instant stop,
            Instant restart) {
        Map<Phase, List<TimedLinePlayer.Line>> phases = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            phases.put(p, new ArrayList<>());
        }
        Map<String, Instant> reached = new HashMap<>();
        for (TimedLinePlayer.Line l : lines) {
            Instant t = reached.merge(l.topic(), l.eventTime() == null ? Instant.MIN : l.eventTime(),
                    (a, b) -> a.isAfter(b) ? a : b);
            phases.get(t.isBefore(stop) ? Phase.BEFORE_STOP : t.isBefore(restart) ? Phase.DOWNTIME
                    : Phase.AFTER_RESTART).add(l);
        }
        return phases;
    }

    /**
     * Resends of a record (the same id and content), rewrites of one (the same id, other content), lines cut
     * short and lines of 200 KB, each at a seeded random place of its topic.
     */
    private List<TimedLinePlayer.Line> withInputFaults(List<TimedLinePlayer.Line> lines, Random random) {
        List<TimedLinePlayer.Line> out = new ArrayList<>(lines);
        int faults = lines.size() / 1000;
        for (int i = 0; i < faults; i++) {
            TimedLinePlayer.Line victim = lines.get(random.nextInt(lines.size()));
            if (victim.eventTime() == null) {
                continue;
            }
            String text = switch (random.nextInt(4)) {
                case 0 -> victim.text();
                case 1 -> rewritten(victim.text());
                case 2 -> victim.text().substring(0, victim.text().length() / 2);
                default -> victim.text().replaceFirst("\\{", "{\"note\":\"" + "x".repeat(200_000) + "\",");
            };
            out.add(out.indexOf(victim) + 1 + random.nextInt(20),
                    new TimedLinePlayer.Line(victim.topic(), text, victim.eventTime(), victim.key(), out.size(), null));
            injected++;
        }
        return out;
    }

    /** The same record with other content: a grid report with a note, a ledger event with a resolution. */
    private static String rewritten(String text) {
        try {
            ObjectNode record = (ObjectNode) JSON.readTree(text);
            record.put(record.has("reportId") ? "note" : "resolution", "rewritten");
            return JSON.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void outage(EmbeddedKafka kafka) {
        kafka.cutOff();
        Thread restore = new Thread(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kafka.restore();
        });
        restore.setDaemon(true);
        restore.start();
    }

    private static long latestCheckpointSize(MiniCluster cluster, JobClient job) {
        try {
            CompletedCheckpointStats latest = cluster.getExecutionGraph(job.getJobID()).get()
                    .getCheckpointStatsSnapshot().getHistory().getLatestCompletedCheckpoint();
            return latest == null ? -1 : latest.getStateSize();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Instant lastEventTime(List<TimedLinePlayer.Line> lines) {
        Map<String, Instant> lastPerTopic = new TreeMap<>();
        for (TimedLinePlayer.Line l : lines) {
            if (l.eventTime() != null) {
                lastPerTopic.merge(l.topic(), l.eventTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return lastPerTopic.values().stream().min(Instant::compareTo).orElseThrow();
    }

    /** The last ten days' checkpoints are no larger than a quarter above the ten days before them. */
    private static void assertLevelsOff(Map<LocalDate, Long> stateByDay) {
        List<Long> sizes = new ArrayList<>(stateByDay.values());
        assertTrue(sizes.size() >= 20, "checkpoint sizes of at least 20 days: " + stateByDay);
        long middle = sizes.subList(sizes.size() - 20, sizes.size() - 10).stream().mapToLong(Long::longValue).max().orElseThrow();
        long last = sizes.subList(sizes.size() - 10, sizes.size()).stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("soak: largest checkpoint %,d bytes in the middle ten days, %,d in the last ten (%.2f)%n",
                middle, last, last / (double) middle);
        assertTrue(last <= middle * 1.25, "state keeps growing: " + stateByDay);
    }
}
