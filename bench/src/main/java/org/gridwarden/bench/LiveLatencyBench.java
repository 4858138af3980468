package org.gridwarden.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.testkit.kafka.EmbeddedKafka;

/**
 * Alert latency of the live job (实时预警时延): the live job ({@link LiveJob}) on a local Flink MiniCluster against
 * a real Kafka broker in this JVM ({@link EmbeddedKafka}), while recorded input lines are produced to its input
 * topics at a fixed rate, unchanged and in event-time order (see {@link RecordedInput}), and the department topics
 * are read as the departments read them.
 *
 * <p><b>Latency of an alert</b> = the wall time at which it is read from its department's topic, minus the wall
 * time at which the first input line whose event time is at or after the alert's event time was handed to the
 * Kafka producer: the earliest moment the job could have known. It therefore contains
 * <ul>
 *   <li>the way through Kafka into the job, the rules, and out through the sink to the reader, with Flink's
 *       network buffers flushed every 100 ms when they do not fill up sooner;</li>
 *   <li>the watermark's wait: an alert due at a deadline fires once the watermark passes the deadline, which is
 *       when a line {@code allowedLateness} (the rule set's bounded out-of-orderness) later has arrived on every
 *       input partition, and once the watermark is next emitted (every 200 ms). Recorded event time runs much
 *       faster than wall time here (event time per line times lines per second: a generated year of the sample
 *       district, about 300,000 lines, goes by in a minute at 5,000 lines/s, a speed-up near 500,000), which is
 *       what makes deadlines pass during a run; the out-of-orderness wait is scaled down by the same factor, to
 *       next to nothing, whereas in live operation it is {@code allowedLateness} itself (unless a quiet input's
 *       event time follows the wall clock);</li>
 *   <li>under exactly-once, the wait for the checkpoint that commits the alert's transaction: alerts become
 *       readable (read_committed) only then, so the checkpoint interval bounds this part.</li>
 * </ul>
 * Alerts are read read_committed under both guarantees; at-least-once writes no transactions, so that is the
 * same as read_uncommitted there.
 *
 * <p>Only alerts <em>decided</em> in the measured window count, the decision being the moment above (the
 * production of the first line at or after the alert's event time). The warm-up before the window is left out
 * of the percentiles, and production goes on during a drain after it so that the window's last alerts are
 * decided at the same pace (see {@link LatencySettings}). An alert is counted once, at its first reading.
 *
 * <p>The job runs with recorded-data settings: idleness 5 s (as the demo), no wall-clock fallback for quiet
 * inputs ({@code quietAfter} null), the heap state backend, checkpoints to a temporary directory. Duplicate
 * detection forgets an id once the watermark is the rule set's retention (7 days) past its event time, by an
 * event-time timer per id. A megacity's week of event time takes about 100 s to produce at 20,000 lines/s,
 * longer than a run, so a run keeps every id it produced, and its timer: about six days of a megacity.
 */
public final class LiveLatencyBench {

    private static final QuietPartitions QUIET = QuietPartitions.recorded(Duration.ofSeconds(5));
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /**
     * An alert's Kafka timestamp is its event time, and recorded input may lie ahead of this machine's clock
     * (generated years start on a fixed day); Kafka 4 refuses timestamps more than an hour ahead by default.
     */
    private static final Map<String, Object> FUTURE_TIMESTAMPS =
            Map.of("log.message.timestamp.after.max.ms", Long.MAX_VALUE);

    private LiveLatencyBench() {}

    /**
     * Runs once and tells {@code progress} what happens, every 5 s while lines are produced.
     *
     * @param inputDir {@code grid-reports*.jsonl[.gz]} and {@code ledger-events*.jsonl[.gz]}, as {@code gridwarden
     *     generate} writes them; it must hold at least {@code eventsPerSecond} lines per second produced
     */
    public static LatencyResult run(Path inputDir, ReferenceData reference, RuleSetHistory history,
            LatencySettings settings, Consumer<String> progress) throws Exception {
        long reading = System.nanoTime();
        RecordedInput input = RecordedInput.read(inputDir, settings.lines());
        progress.accept(String.format("read %,d input lines of %s in %.1f s", input.size(), inputDir,
                (System.nanoTime() - reading) / 1e9));
        Path checkpoints = Files.createTempDirectory("gridwarden-latency-");
        try (EmbeddedKafka broker = EmbeddedKafka.start(FUTURE_TIMESTAMPS)) {
            KafkaSettings kafka = KafkaSettings.defaults(broker.bootstrapServers())
                    .withIds("gridwarden-bench", "gridwarden-bench-" + UUID.randomUUID())
                    .withDelivery(settings.delivery());
            List<String> departmentTopics = createTopics(broker, kafka, reference, settings.parallelism());
            LiveJob.Settings live = new LiveJob.Settings(kafka, settings.parallelism(), QUIET,
                    settings.checkpointInterval(), checkpoints.toUri().toString(), "hashmap", null);
            StreamExecutionEnvironment env = LiveJob.environment(live);
            LiveJob.define(env, live, reference, history, Clock.systemUTC());
            try (MiniCluster cluster = miniCluster(env, settings.parallelism())) {
                JobID job = cluster.submitJob(env.getStreamGraph()).get().getJobID();
                awaitAllTasksRunning(cluster, job);
                AlertLatencies latencies = new AlertLatencies();
                try (AlertTopicWatcher reader = new AlertTopicWatcher(broker.bootstrapServers(), departmentTopics,
                        latencies)) {
                    if (!reader.awaitPositioned(Duration.ofSeconds(30))) {
                        throw new IllegalStateException("the reader of the department topics did not start in 30 s");
                    }
                    progress.accept(String.format("live job running (%s, checkpoints every %d ms, parallelism %d);"
                                    + " producing %,d lines/s for %d s: warm-up %d s, measured %d s, drain %d s",
                            settings.delivery(), settings.checkpointInterval().toMillis(), settings.parallelism(),
                            settings.eventsPerSecond(), settings.producing().toSeconds(), settings.warmUp().toSeconds(),
                            settings.duration().toSeconds(), settings.drain().toSeconds()));
                    return measure(input, broker, kafka, latencies, cluster, job, settings, progress);
                } finally {
                    if (!cluster.getJobStatus(job).get().isGloballyTerminalState()) {
                        cluster.cancelJob(job).get();
                    }
                }
            }
        } finally {
            FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
        }
    }

    private static LatencyResult measure(RecordedInput input, EmbeddedKafka broker, KafkaSettings kafka,
            AlertLatencies latencies, MiniCluster cluster, JobID job, LatencySettings settings,
            Consumer<String> progress) throws Exception {
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long from = start + settings.warmUp().toNanos();
        long to = from + settings.duration().toNanos();
        PacedProducer producer = new PacedProducer(broker.bootstrapServers(), input, kafka.gridReportsTopic(),
                kafka.ledgerEventsTopic(), settings.eventsPerSecond(), start, to + settings.drain().toNanos());
        FutureTask<Void> producing = new FutureTask<>(producer, null);
        new Thread(producing, "latency-bench-producer").start();
        long backlogAtWindowEnd = -1;
        try (InputBacklog backlog = new InputBacklog(broker.bootstrapServers(), kafka.groupId(),
                List.of(kafka.gridReportsTopic(), kafka.ledgerEventsTopic()))) {
            int producedBefore = 0;
            long before = start;
            while (!producing.isDone()) {
                // every few seconds, and once when the window ends
                long wait = backlogAtWindowEnd < 0 ? Math.min(PROGRESS_EVERY.toNanos(), to - System.nanoTime())
                        : PROGRESS_EVERY.toNanos();
                try {
                    producing.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillProducing) {
                    // time to report
                }
                String failed = failure(cluster, job);
                if (failed != null) {
                    producing.cancel(true);
                    throw new IllegalStateException(failed);
                }
                long now = System.nanoTime();
                int produced = producer.produced();
                long behind = backlog.lines(produced);
                if (now >= to && backlogAtWindowEnd < 0) {
                    backlogAtWindowEnd = behind;
                }
                AlertLatencies.Snapshot s = latencies.measure(input, producer, from, to);
                progress.accept(String.format(
                        "%4d s  produced %,10d (%,7.0f lines/s)  job behind by %,9d  alerts read %,7d  p99 %s",
                        Math.max(0, (now - start) / 1_000_000_000), produced,
                        (produced - producedBefore) * 1e9 / (now - before), behind, s.read,
                        now < from ? "(warm-up)" : s.measured() == 0 ? "-"
                                : String.format("%,.0f ms", s.percentileMillis(99))));
                producedBefore = produced;
                before = now;
            }
        }
        producing.get();
        String failed = failure(cluster, job);
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        AlertLatencies.Snapshot s = latencies.measure(input, producer, from, to);
        double rate = producer.producedBetween(from, to) / (settings.duration().toNanos() / 1e9);
        return new LatencyResult(settings, producer.produced(), rate, backlogAtWindowEnd, s.read, s.measured(),
                s.unmatched, s.minMillis(), s.percentileMillis(50), s.percentileMillis(95), s.percentileMillis(99),
                s.maxMillis(), s.rulesBeyond(99));
    }

    /**
     * Why the job is of no use for measuring, or null: it failed once (and restarted from a checkpoint, so part of
     * its input went through twice and its alerts waited for the restart) or for good.
     */
    private static String failure(MiniCluster cluster, JobID job) throws Exception {
        AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
        ErrorInfo error = graph.getFailureInfo();
        if (error == null && !graph.getState().isGloballyTerminalState()) {
            return null;
        }
        return "the live job failed (" + graph.getState() + "): " + (error == null ? "no error"
                : error.getException().getOriginalErrorClassName() + ": " + error.getException().getMessage());
    }

    /** Inputs with a partition per parallel reader; department topics, alerts.all, dead letters and risk with one. */
    private static List<String> createTopics(EmbeddedKafka broker, KafkaSettings kafka, ReferenceData reference,
            int parallelism) {
        List<String> departmentTopics = reference.departments().stream().map(Department::topic).distinct().toList();
        List<String> single = new ArrayList<>(departmentTopics);
        single.add(kafka.allAlertsTopic());
        single.add(kafka.deadLetterTopic());
        broker.createTopics(List.of(kafka.gridReportsTopic(), kafka.ledgerEventsTopic()), parallelism);
        broker.createTopics(single, 1);
        broker.createCompactedTopics(List.of(kafka.riskTopic()), 1);
        return departmentTopics;
    }

    private static MiniCluster miniCluster(StreamExecutionEnvironment env, int parallelism) throws Exception {
        Configuration conf = Configuration.fromMap(env.getConfiguration().toMap());
        // a job cancelled during an asynchronous snapshot logs after its class loader closed: noise, not a leak
        conf.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
        // any free port: Flink's 8081 may be taken by another cluster on this machine
        conf.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
        cluster.start();
        return cluster;
    }

    /**
     * Lines produced before every source reads would be read as a backlog, one input ahead of the other, and
     * the slower one's lines would arrive behind the watermark: wait until every task runs and the Kafka readers
     * have their partitions.
     */
    private static void awaitAllTasksRunning(MiniCluster cluster, JobID job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean running = true;
            for (AccessExecutionVertex v : cluster.getExecutionGraph(job).get().getAllExecutionVertices()) {
                running &= v.getExecutionState() == ExecutionState.RUNNING;
            }
            if (running) {
                Thread.sleep(1000);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the live job's tasks did not all run within 60 s");
    }
}
