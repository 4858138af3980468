package org.gridwarden.jobs.live;

import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.KafkaHistory;
import org.gridwarden.jobs.EmissionWindow;
import org.apache.flink.api.common.RuntimeExecutionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.testing.Fixtures;

/**
 * A live run for tests: the in-JVM broker with the job's topics, the live job (exactly-once) on the test's
 * MiniCluster, and a read_committed reader of every alert topic. Recorded data is played faster than real
 * time, so event time does not follow the wall clock here.
 */
final class LiveRun implements AutoCloseable {

    final EmbeddedKafka kafka;
    final KafkaSettings settings;
    final Map<String, List<Alert>> byTopic = new ConcurrentHashMap<>();
    private final AlertTopicWatcher watcher;

    LiveRun() {
        this(EmbeddedKafka.start());
    }

    /** A live run on the given broker (e.g. one with an outage switch). */
    LiveRun(EmbeddedKafka broker) {
        kafka = broker;
        settings = KafkaSettings.defaults(kafka.bootstrapServers())
                .withIds("live-test", "live-test-" + UUID.randomUUID())
                .withDelivery(DeliveryGuarantee.EXACTLY_ONCE);
        List<String> alertTopics = ScenarioTopics.createTopics(kafka, settings, Fixtures.reference());
        watcher = new AlertTopicWatcher(kafka.bootstrapServers(), alertTopics,
                (topic, alert) -> byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(alert));
    }

    /**
     * Starts the live job and waits until every task runs: recorded data played into topics before the
     * sources are up would be read as a backlog, one source ahead of the other, and the slower one's records
     * would arrive behind the watermark.
     */
    JobClient startJob(RuleSet ruleSet, String savepoint, MiniCluster cluster) throws Exception {
        return startJob(ruleSet, savepoint, cluster, liveSettings().quiet());
    }

    /** As {@link #startJob(RuleSet, String, MiniCluster)} with the given quiet-partition behaviour. */
    JobClient startJob(RuleSet ruleSet, String savepoint, MiniCluster cluster, QuietPartitions quiet) throws Exception {
        LiveJob.Settings base = liveSettings();
        LiveJob.Settings live = new LiveJob.Settings(base.kafka(), base.parallelism(), quiet, base.checkpointInterval(),
                base.checkpointDir(), base.stateBackend(), savepoint);
        StreamExecutionEnvironment env = LiveJob.environment(live);
        LiveJob.define(env, live, Fixtures.reference(), ruleSet, Clock.systemUTC());
        JobClient job = env.executeAsync("live test");
        awaitAllTasksRunning(cluster, job, 0);
        return job;
    }

    /** Exactly-once at parallelism 2, checkpoints every 0.5 s, recorded data: quiet partitions go idle. */
    LiveJob.Settings liveSettings() {
        return new LiveJob.Settings(settings, 2, QuietPartitions.recorded(Duration.ofSeconds(2)), Duration.ofMillis(500),
                null, "hashmap", null);
    }

    /** Until every task of the job runs in an attempt after {@code minAttempt} (a restart raises the attempt). */
    static void awaitAllTasksRunning(MiniCluster cluster, JobClient job, int minAttempt) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            AccessExecutionGraph graph = cluster.getExecutionGraph(job.getJobID()).get();
            boolean running = true;
            for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
                running &= v.getExecutionState() == ExecutionState.RUNNING
                        && v.getCurrentExecutionAttempt().getAttemptNumber() >= minAttempt;
            }
            if (running) {
                Thread.sleep(1000); // and the Kafka sources have their partitions
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the job's tasks did not all run within 60 s");
    }

    static List<TimedLinePlayer.Line> lines(Path scenario, KafkaSettings settings) throws IOException {
        return ScenarioTopics.scenarioLines(scenario, settings);
    }

    static List<Alert> expected(Path scenario) throws IOException {
        AlertCodec codec = new AlertCodec();
        return Files.readAllLines(scenario.resolve("expected-alerts.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(codec::decodeAlert).toList();
    }

    List<Alert> on(String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }

    /** Waits until alerts.all holds {@code count} alerts, then a little longer so that any duplicate would show. */
    void awaitAlerts(int count, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        while (on(settings.allAlertsTopic()).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(3000);
    }

    /**
     * The live alerts that became true before {@code cut}, once there are {@code count} of them (or after
     * {@code max}), and a little later, so that any duplicate would show.
     */
    List<Alert> alertsBefore(Instant cut, int count, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        while (before(on(settings.allAlertsTopic()), cut).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(3000);
        return before(on(settings.allAlertsTopic()), cut);
    }

    /** A replay (BATCH) of exactly what the input topics hold, up to {@code cut}: the alerts before it. */
    List<Alert> replayOfTopics(Path out, Instant cut) throws Exception {
        ReplayJob.run(new ReplayJob.Settings(null, out, cut, 2, RuntimeExecutionMode.BATCH, EmissionWindow.ALL,
                new KafkaHistory(settings.withIds("replay-" + UUID.randomUUID(), "replay"), null, null)),
                Fixtures.reference(), Fixtures.ruleSet(), System.out);
        AlertCodec codec = new AlertCodec();
        return before(Files.readAllLines(out.resolve("alerts/all.jsonl")).stream().filter(l -> !l.isBlank())
                .map(codec::decodeAlert).toList(), cut);
    }

    static List<Alert> before(List<Alert> alerts, Instant cut) {
        return alerts.stream().filter(a -> a.eventTime().isBefore(cut)).toList();
    }

    /** How often the job's tasks were restarted (the highest attempt number of any task). */
    static int restarts(MiniCluster cluster, JobClient job) throws Exception {
        int most = 0;
        for (AccessExecutionVertex v : cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
            most = Math.max(most, v.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return most;
    }

    static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::alertId).sorted().toList();
    }

    @Override
    public void close() throws Exception {
        watcher.close();
        kafka.close();
    }
}
