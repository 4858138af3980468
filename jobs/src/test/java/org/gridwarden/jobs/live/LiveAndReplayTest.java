package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.ReplayTopicWriter;
import org.gridwarden.jobs.EmissionWindow;
import org.gridwarden.jobs.KafkaHistory;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.risk.GridRisk;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same answer as live (回放与实时一致): the recorded week runs live on the in-JVM broker, then is replayed from the
 * live job's own input topics and from the files; all three give the same alerts, ids and contents, but the time
 * they were emitted, and the same grid risk indices, as far as the live job's event time has come.
 */
class LiveAndReplayTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");

    @Test
    void theLiveJobAndAReplayOfItsTopicsAndOfTheFiles_raiseTheSameAlerts(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        int expected = LiveRun.expected(WEEK).size();
        try (LiveRun run = new LiveRun()) {
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), LiveRun.lines(WEEK, run.settings), 40_000, l -> {});
            run.awaitAlerts(expected, Duration.ofSeconds(120));
            Thread.sleep(2_000); // the risk indices of the last alerts' checkpoint
            job.cancel().get();
            List<Alert> live = run.on(run.settings.allAlertsTopic());
            assertEquals(expected, live.size(), "the live week's alerts");

            List<GridRisk> liveRisk = risk(run.settings);
            List<Alert> fromTopics = replay(dir.resolve("topics"), null,
                    new KafkaHistory(run.settings.withIds("replay-test", "replay-test"), null, null));
            List<Alert> fromFiles = replay(dir.resolve("files"), WEEK, null);
            assertSameRisk(liveRisk, dir.resolve("files"));

            SameAlerts.assertSame(live, fromTopics, "live against a replay of its input topics");
            SameAlerts.assertSame(live, fromFiles, "live against a replay of the files");

            ReplayTopicWriter.write(run.kafka.bootstrapServers(), fromTopics);
            List<Alert> onReplayTopic = new CopyOnWriteArrayList<>();
            try (AlertTopicWatcher replayReader = new AlertTopicWatcher(run.kafka.bootstrapServers(),
                    List.of(ReplayTopicWriter.ALL), true, (topic, a) -> onReplayTopic.add(a))) {
                // a bound on a failing run only: on a loaded machine the watcher's first fetch alone can take long
                Instant deadline = Instant.now().plusSeconds(120);
                while (onReplayTopic.size() < expected && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
            }
            SameAlerts.assertSame(live, onReplayTopic, "live against the replay topic");
            assertEquals(expected, run.on(run.settings.allAlertsTopic()).size(), "nothing replayed reached a live topic");
        }
    }

    /**
     * The live job publishes a grid's fading index as its watermark passes each step; a replay publishes every
     * step up to its horizon. Up to the newest live publication both have published the same records.
     */
    private static void assertSameRisk(List<GridRisk> live, Path replayOut) throws IOException {
        AlertCodec codec = new AlertCodec();
        Instant cut = live.stream().map(GridRisk::at).max(Comparator.naturalOrder()).orElseThrow();
        List<GridRisk> replayed = Files.readAllLines(replayOut.resolve("risk/grids.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(l -> codec.decodeRisk(l.getBytes(StandardCharsets.UTF_8)))
                .filter(r -> !r.at().isAfter(cut)).toList();
        Comparator<GridRisk> order = Comparator.comparing(GridRisk::at).thenComparing(GridRisk::riskId);
        List<GridRisk> sortedLive = live.stream().sorted(order).toList();
        assertEquals(replayed.stream().sorted(order).toList(), sortedLive, "live risk indices against the replay's");
        assertTrue(sortedLive.size() >= 20, "risk indices published live: " + sortedLive.size());
        assertEquals(sortedLive.size(), sortedLive.stream().map(GridRisk::riskId).distinct().count(), "one id twice");
    }

    /** Every committed record of the live risk topic. */
    private static List<GridRisk> risk(KafkaSettings kafka) {
        Properties p = kafka.clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AlertCodec codec = new AlertCodec();
        List<GridRisk> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(kafka.riskTopic()).stream()
                    .map(i -> new TopicPartition(kafka.riskTopic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(codec.decodeRisk(r.value())));
            }
        }
        return out;
    }

    private static List<Alert> replay(Path out, Path input, KafkaHistory kafka) throws Exception {
        ReplayJob.run(new ReplayJob.Settings(input, out, null, 2, RuntimeExecutionMode.BATCH, EmissionWindow.ALL,
                kafka), Fixtures.reference(), Fixtures.ruleSet(), System.out);
        AlertCodec codec = new AlertCodec();
        return Files.readAllLines(out.resolve("alerts/all.jsonl")).stream().filter(l -> !l.isBlank())
                .map(codec::decodeAlert).toList();
    }
}
