package org.gridwarden.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar on a real multi-process Flink 2.2 standalone cluster (one JobManager, two TaskManagers of one
 * slot each, parallelism 2) against the in-JVM Kafka broker: a TaskManager is SIGKILLed while the district week
 * is being played, a replacement TaskManager is started, the job restores its last checkpoint, and every
 * department still gets exactly the week's expected alerts, read_committed: none lost, none twice.
 *
 * <p>Run by the {@code cluster} Maven profile only ({@code mvn -B verify -Pcluster -pl jobs -am}), which builds
 * the jar first and resolves the cluster's class path into the file named by {@value #CLASSPATH_PROPERTY}.
 */
class TaskManagerFailoverIT {

    static final String CLASSPATH_PROPERTY = "gridwarden.cluster.classpath-file";

    /**
     * Ten hours a second: the week's 106 hours of event time take about 11 s of waiting, plus the broker's
     * acknowledgement at each of its 352 distinct instants, so about 25-30 s on a 2-core machine.
     */
    private static final double SPEED = 36_000;
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final Duration ALERTS_SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void killedTaskManagerIsReplacedAndEveryExpectedAlertArrivesExactlyOnce() throws Exception {
        Path root = Fixtures.projectRoot();
        Path scenario = Fixtures.sampleData().resolve("scenarios/district-week");
        Path jar = root.resolve("jobs/target/gridwarden-flink.jar");
        String classpath = clusterClasspath();
        ReferenceData reference = Fixtures.reference();
        AlertCodec codec = new AlertCodec();
        List<Alert> expected = Files.readAllLines(scenario.resolve("expected-alerts.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(codec::decodeAlert).toList();

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            KafkaSettings topics = KafkaSettings.defaults(kafka.bootstrapServers());
            List<String> alertTopics = ScenarioTopics.createTopics(kafka, topics, reference);

            Instant clusterStart = Instant.now();
            try (FlinkProcessCluster cluster = FlinkProcessCluster.start(root.resolve("cluster/conf"), classpath,
                    Files.createDirectories(work.resolve("flink")), 2, STARTUP)) {
                FlinkRest rest = cluster.rest();
                System.out.printf("Flink cluster up at %s with 2 TaskManagers in %.1f s%n", rest.base(),
                        seconds(clusterStart));

                String jobId = rest.runJar(rest.uploadJar(jar), List.of(
                        "--bootstrap-servers", kafka.bootstrapServers(),
                        "--reference", root.resolve("sample-data/reference").toString(),
                        "--rules", root.resolve("rules/ruleset.yaml").toString(),
                        "--pseudonym-key-file", root.resolve("sample-data/sample-pseudonym.key").toString(),
                        "--parallelism", "2",
                        "--checkpoint-seconds", "1",
                        "--checkpoint-dir", work.resolve("checkpoints").toUri().toString(),
                        "--transactional-id-prefix", "gridwarden-cluster-" + UUID.randomUUID(),
                        // the week is recorded and played faster than real time: event time must not follow the
                        // wall clock; a partition read to its end and quiet stops holding event time back
                        "--recorded", "--quiet-after-seconds", "2"));
                FlinkProcessCluster.await("all tasks of job " + jobId + " running", STARTUP,
                        () -> rest.job(jobId).allTasksRunning());

                Map<String, List<Alert>> received = new ConcurrentHashMap<>();
                try (AlertTopicWatcher watcher = new AlertTopicWatcher(kafka.bootstrapServers(), alertTopics,
                        (topic, alert) -> received.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(alert))) {
                    List<TimedLinePlayer.Line> lines = ScenarioTopics.scenarioLines(scenario, topics);
                    AtomicInteger played = new AtomicInteger();
                    ExecutorService player = Executors.newSingleThreadExecutor();
                    try {
                        Instant playStart = Instant.now();
                        Future<?> playing = player.submit(() -> {
                            TimedLinePlayer.play(kafka.bootstrapServers(), lines, SPEED, l -> played.incrementAndGet());
                            return null;
                        });

                        FlinkProcessCluster.await("half the week played", STARTUP, () -> played.get() >= lines.size() / 2);
                        FlinkProcessCluster.TaskManager victim = cluster.taskManagers().get(0);
                        int restoredBefore = rest.checkpoints(jobId).restored();
                        Instant killed = Instant.now();
                        cluster.kill(victim);
                        System.out.printf("SIGKILLed %s after %d of %d lines (%.1f s into the play)%n", victim.name(),
                                played.get(), lines.size(), Duration.between(playStart, killed).toMillis() / 1000.0);
                        cluster.startTaskManager();

                        FlinkProcessCluster.await("the job to notice the lost TaskManager", RECOVERY,
                                () -> !rest.job(jobId).allTasksRunning());
                        System.out.printf("  failure noticed by %.1f s%n", seconds(killed));
                        cluster.awaitTaskManagers(2, RECOVERY);
                        System.out.printf("  replacement TaskManager registered by %.1f s%n", seconds(killed));
                        FlinkProcessCluster.await("the job to restore a checkpoint", RECOVERY,
                                () -> rest.checkpoints(jobId).restored() > restoredBefore);
                        FlinkProcessCluster.await("all tasks running again", RECOVERY,
                                () -> rest.job(jobId).allTasksRunning());
                        Duration recovery = Duration.between(killed, Instant.now());
                        FlinkRest.Checkpoints checkpoints = rest.checkpoints(jobId);
                        System.out.printf("Job RUNNING again %.1f s after the kill, restored checkpoint %d%n",
                                recovery.toMillis() / 1000.0, checkpoints.lastRestoredId());

                        playing.get(3, TimeUnit.MINUTES);
                        System.out.printf("Played %d lines in %.1f s%n", played.get(), seconds(playStart));
                    } finally {
                        player.shutdownNow();
                    }

                    awaitAlerts(received, topics.allAlertsTopic(), expected.size());
                    rest.cancel(jobId);
                    FlinkProcessCluster.await("the job to be cancelled", STARTUP,
                            () -> rest.job(jobId).state().equals("CANCELED"));
                }

                assertSameAlerts(expected, received.getOrDefault(topics.allAlertsTopic(), List.of()),
                        topics.allAlertsTopic());
                Map<String, List<Alert>> expectedByTopic = expected.stream().collect(Collectors.groupingBy(
                        a -> reference.department(a.department()).orElseThrow().topic(), TreeMap::new, Collectors.toList()));
                expectedByTopic.forEach((topic, alerts) ->
                        assertSameAlerts(alerts, received.getOrDefault(topic, List.of()), topic));
                List<String> unexpectedTopics = received.keySet().stream()
                        .filter(t -> !t.equals(topics.allAlertsTopic()) && !expectedByTopic.containsKey(t)).sorted().toList();
                assertTrue(unexpectedTopics.isEmpty(), "alerts on topics that should have none: " + unexpectedTopics);
                System.out.printf("Verified %d alerts on alerts.all and %d department topics: none missing, none twice%n",
                        expected.size(), expectedByTopic.size());
            }
        }
    }

    private static String clusterClasspath() throws Exception {
        String file = System.getProperty(CLASSPATH_PROPERTY);
        if (file == null) {
            throw new IllegalStateException(CLASSPATH_PROPERTY + " is not set: run with `mvn -B verify -Pcluster -pl jobs -am`");
        }
        return Files.readString(Path.of(file)).trim();
    }

    /**
     * Until alerts.all holds the expected number, then a few checkpoint intervals more so that a duplicate
     * committed late would still be seen; or until time is up (the assertions then say what is missing).
     */
    private static void awaitAlerts(Map<String, List<Alert>> received, String allTopic, int expected)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(ALERTS_SETTLE);
        while (received.getOrDefault(allTopic, List.of()).size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(5_000);
    }

    /** Same alert ids, each once; the message names what is missing, doubled or unexpected. */
    private static void assertSameAlerts(List<Alert> expected, List<Alert> received, String topic) {
        Map<String, Long> counts = received.stream().collect(Collectors.groupingBy(Alert::alertId, Collectors.counting()));
        List<String> missing = expected.stream().filter(a -> !counts.containsKey(a.alertId())).map(TaskManagerFailoverIT::describe).toList();
        List<String> doubled = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> expectedIds = ids(expected);
        List<String> unexpected = received.stream().filter(a -> !expectedIds.contains(a.alertId()))
                .map(TaskManagerFailoverIT::describe).toList();
        assertEquals(expectedIds, ids(received), topic + ": missing " + missing + ", received more than once " + doubled
                + ", not expected " + unexpected);
    }

    private static String describe(Alert a) {
        return a.ruleId() + " " + (a.caseId() != null ? a.caseId() : a.subjectKey()) + " at " + a.eventTime();
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::alertId).sorted().toList();
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
