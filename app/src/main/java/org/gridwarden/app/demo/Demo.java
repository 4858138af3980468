package org.gridwarden.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.console.Console;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.jobs.Plural;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * The live job end to end on one machine: a real Kafka broker inside this JVM, the live job on a local
 * MiniCluster, a recorded week of the sample district played into the input topics on an accelerated clock,
 * every alert printed as it lands on its department's topic, and the operations center's web console showing
 * the feed and the risk map as they change.
 */
public final class Demo {

    /**
     * @param speed event time per wall time, e.g. 14400 plays four hours a second
     * @param consolePort where the web console listens (on this machine only), 0 for any free port, null for none
     * @param keepConsoleOpen after the last alert, whether the console stays open until Enter is pressed
     */
    public record Settings(Path scenario, double speed, DeliveryGuarantee delivery, Duration maxWait,
            Integer consolePort, boolean keepConsoleOpen) {

        /** Without the console. */
        public Settings(Path scenario, double speed, DeliveryGuarantee delivery, Duration maxWait) {
            this(scenario, speed, delivery, maxWait, null, false);
        }
    }

    /** What reached the alert topics (topic → alerts) and how many lines were played. */
    public record Result(Map<String, List<Alert>> alertsByTopic, int linesPlayed, int expectedAlerts) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ReferenceData reference;
    private final Path referenceDir;
    private final RuleSet ruleSet;
    private final PrintStream console;

    public Demo(ReferenceData reference, RuleSet ruleSet, PrintStream console) {
        this(reference, null, ruleSet, console);
    }

    /** @param referenceDir where the reference data was read, for the console's grid outlines; may be null */
    public Demo(ReferenceData reference, Path referenceDir, RuleSet ruleSet, PrintStream console) {
        this.reference = reference;
        this.referenceDir = referenceDir;
        this.ruleSet = ruleSet;
        this.console = console;
    }

    public Result run(Settings settings) throws Exception {
        Instant started = Instant.now();
        console.printf("gridwarden demo: %s, rule set %s%n", reference.district().name(), ruleSet.version());
        try (EmbeddedKafka kafka = quietly(EmbeddedKafka::start)) {
            KafkaSettings kafkaSettings = KafkaSettings.defaults(kafka.bootstrapServers())
                    .withIds("gridwarden-demo", "gridwarden-demo-" + UUID.randomUUID())
                    .withDelivery(settings.delivery());
            List<String> alertTopics = ScenarioTopics.createTopics(kafka, kafkaSettings, reference);
            console.printf("Kafka broker started at %s; topics created: %s, %s (2 partitions each), %s,"
                            + " alerts.all and %d department topics%n", kafka.bootstrapServers(),
                    kafkaSettings.gridReportsTopic(), kafkaSettings.ledgerEventsTopic(),
                    kafkaSettings.deadLetterTopic(), alertTopics.size() - 1);

            try (Console web = startConsole(settings, kafkaSettings)) {
                return runJob(settings, kafkaSettings, alertTopics, started, web);
            }
        }
    }

    private Result runJob(Settings settings, KafkaSettings kafkaSettings, List<String> alertTopics, Instant started,
            Console web) throws Exception {
        // recorded data on an accelerated clock: event time is not wall time, so a partition read to its end
        // stops holding the others back instead of following the wall clock
        LiveJob.Settings live = new LiveJob.Settings(kafkaSettings, 2, QuietPartitions.recorded(Duration.ofSeconds(2)),
                Duration.ofMillis(500), null, "hashmap", null);
        StreamExecutionEnvironment env = LiveJob.environment(live);
        LiveJob.define(env, live, reference, ruleSet, Clock.systemUTC());
        JobClient job = env.executeAsync("gridwarden demo");
        awaitRunning(job);
        console.printf("Live job started on a local Flink MiniCluster (%s, checkpoints every 0.5 s)%n",
                settings.delivery() == DeliveryGuarantee.EXACTLY_ONCE ? "exactly-once" : "at-least-once");

        Map<String, List<Alert>> received = new ConcurrentHashMap<>();
        AtomicInteger onDepartmentTopics = new AtomicInteger();
        try (DeadLetterTally deadLetters = new DeadLetterTally(kafkaSettings.clientConfig(),
                        kafkaSettings.deadLetterTopic());
                AlertTopicWatcher watcher = new AlertTopicWatcher(kafkaSettings.bootstrapServers(), alertTopics,
                (topic, alert) -> {
                    received.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(alert);
                    if (!topic.equals(kafkaSettings.allAlertsTopic())) {
                        onDepartmentTopics.incrementAndGet();
                        printAlert(topic, alert);
                    }
                })) {
            int played = play(settings, kafkaSettings);
            int expected = expectedAlerts(settings.scenario());
            awaitAlerts(received, kafkaSettings.allAlertsTopic(), expected, settings.maxWait());
            printSummary(received, kafkaSettings.allAlertsTopic(), played, started);
            console.printf("  dead letters on %s: %s%n", kafkaSettings.deadLetterTopic(), deadLetters.describe());
            if (deadLetters.describe().contains("LATE")) {
                deadLetters.examples().forEach(e -> console.printf("    %s%n", e));
            }
            if (web != null && settings.keepConsoleOpen()) {
                console.printf("The console stays open at %s with the week's alerts and risk map; press Enter"
                        + " to stop.%n", web.url());
                System.in.read();
            }
            job.cancel().get();
            return new Result(Map.copyOf(received), played, expected);
        }
    }

    private static Console.Settings settings(KafkaSettings kafka, int port) {
        return new Console.Settings(kafka.clientConfig(), kafka.allAlertsTopic(), kafka.riskTopic(), "127.0.0.1", port,
                null, 7);
    }

    /** The web console on this machine, on the port asked for or, when that one is taken, on a free one. */
    private Console startConsole(Settings settings, KafkaSettings kafka) throws Exception {
        if (settings.consolePort() == null) {
            return null;
        }
        Console web;
        try {
            web = Console.start(settings(kafka, settings.consolePort()),
                    reference, referenceDir, Clock.systemUTC());
        } catch (Exception e) {
            if (settings.consolePort() == 0) {
                throw e;
            }
            console.printf("Port %d is taken; the console takes a free one%n", settings.consolePort());
            web = Console.start(settings(kafka, 0), reference, referenceDir,
                    Clock.systemUTC());
        }
        console.printf("Web console: %s (the alert feed and the grid risk map, live)%n", web.url());
        return web;
    }

    private int play(Settings settings, KafkaSettings kafka) throws IOException, InterruptedException {
        List<TimedLinePlayer.Line> lines = ScenarioTopics.scenarioLines(settings.scenario(), kafka);
        console.printf("Playing %d recorded events of %s at %.0fx speed%n", lines.size(),
                settings.scenario().getFileName(), settings.speed());
        ZoneId zone = reference.zone();
        String[] day = {null};
        AtomicInteger count = new AtomicInteger();
        TimedLinePlayer.play(kafka.bootstrapServers(), lines, settings.speed(), line -> {
            count.incrementAndGet();
            if (line.eventTime() != null) {
                String d = DAY.format(line.eventTime().atZone(zone));
                if (!d.equals(day[0])) {
                    day[0] = d;
                    console.printf("── %s ── (%d events played so far)%n", d, count.get());
                }
            }
        });
        console.printf("All %d events played; waiting for the last alerts%n", count.get());
        return count.get();
    }

    private static int expectedAlerts(Path scenario) throws IOException {
        Path expected = scenario.resolve("expected-alerts.jsonl");
        return Files.exists(expected) ? (int) Files.readAllLines(expected).stream().filter(l -> !l.isBlank()).count() : -1;
    }

    /**
     * Recorded data played before the sources are up would be read as a backlog, one input ahead of the other,
     * and the slower one's records would fall behind the watermark; so play only once the job runs.
     */
    private static void awaitRunning(JobClient job) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (job.getJobStatus().get() != JobStatus.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(2000); // the job runs; give its tasks and Kafka readers a moment to start
    }

    /** Until every expected alert is on alerts.all, or no new alert came for a few seconds, or time is up. */
    private static void awaitAlerts(Map<String, List<Alert>> received, String allTopic, int expected, Duration maxWait)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(maxWait);
        int last = -1;
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            int now = received.getOrDefault(allTopic, List.of()).size();
            if (expected >= 0 && now >= expected) {
                Thread.sleep(1000); // let the department topics' copies arrive too
                return;
            }
            if (now != last) {
                last = now;
                lastChange = Instant.now();
            } else if (expected < 0 && Duration.between(lastChange, Instant.now()).toSeconds() >= 5) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private void printAlert(String topic, Alert a) {
        String about = a.caseId() != null ? "案件 " + a.caseId() : a.subjectKey();
        console.printf("  %-8s %-9s → %-28s %s │ %s · %s（%s）%n", WHEN.format(a.eventTime().atZone(reference.zone())),
                a.level(), topic, a.title(), about, a.gridName(), a.streetName());
    }

    private void printSummary(Map<String, List<Alert>> received, String allTopic, int played, Instant started) {
        console.println();
        console.println("Summary:");
        Map<String, Integer> perTopic = new TreeMap<>();
        received.forEach((topic, alerts) -> perTopic.put(topic, alerts.size()));
        perTopic.forEach((topic, n) -> console.printf("  %-32s %s%n", topic, Plural.of(n, "alert")));
        int departments = (int) perTopic.keySet().stream().filter(t -> !t.equals(allTopic)).count();
        console.printf("  %d events played, %d alerts on %s for %d departments, %.1f s%n", played,
                perTopic.getOrDefault(allTopic, 0), allTopic, departments,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    /** The Kafka test kit prints its formatting steps to stdout; the demo's console tells only the story. */
    private static <T> T quietly(Supplier<T> action) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.get();
        } finally {
            System.setOut(out);
        }
    }
}
