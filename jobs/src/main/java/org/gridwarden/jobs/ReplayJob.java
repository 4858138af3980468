package org.gridwarden.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.file.JsonLinesSource;
import org.gridwarden.connectors.replay.ReplayOutputWriter;
import org.gridwarden.connectors.replay.ReplayRecord;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.ingest.IngestCounters;
import org.gridwarden.rules.ingest.IngestWatermarks;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;

/**
 * A bounded run over JSON-lines history (回放), in BATCH mode by default: every key's events are processed in
 * event-time order through the same workflow as live, and timers fire at end of input, so alerts after the
 * horizon ({@code --until}, default the newest event) are dropped. Writes alert and dead-letter files.
 */
public final class ReplayJob {

    /**
     * @param mode BATCH (default: no checkpoints, no late records) or STREAMING (the live code path over files;
     *     the same alerts)
     */
    public record Settings(Path input, Path out, Instant until, int parallelism, RuntimeExecutionMode mode) {

        public Settings(Path input, Path out, Instant until, int parallelism) {
            this(input, out, until, parallelism, RuntimeExecutionMode.BATCH);
        }
    }

    private ReplayJob() {}

    public static ReplaySummary run(Settings settings, ReferenceData reference, RuleSet ruleSet, PrintStream progress)
            throws Exception {
        return run(settings, reference, RuleSetHistory.of(ruleSet), progress);
    }

    /** Replays under the rule sets of {@code history}, each decision by the version in force at its event's time. */
    public static ReplaySummary run(Settings settings, ReferenceData reference, RuleSetHistory history,
            PrintStream progress) throws Exception {
        RuleSet ruleSet = history.latest();
        List<Path> reports = inputFiles(settings.input(), "grid-reports");
        List<Path> ledger = inputFiles(settings.input(), "ledger-events");
        if (reports.isEmpty() && ledger.isEmpty()) {
            throw new IllegalArgumentException(settings.input()
                    + ": no grid-reports*.jsonl[.gz] or ledger-events*.jsonl[.gz] files in it");
        }
        StreamExecutionEnvironment env = JobEnvironments.create(
                JobEnvironments.base(settings.mode(), settings.parallelism()));
        IngestDecoder decoder = new IngestDecoder(reference);
        WatermarkStrategy<Ingested> watermarks = IngestWatermarks.strategy(
                ruleSet.ingest().allowedLateness().toDuration(), null);
        DataStream<Ingested> reportStream = env
                .fromSource(new JsonLinesSource(reports, IngestDecoder.GRID_REPORTS, decoder), watermarks,
                        "Grid reports (files)")
                .uid("grid-reports-files");
        DataStream<Ingested> ledgerStream = env
                .fromSource(new JsonLinesSource(ledger, IngestDecoder.LEDGER_EVENTS, decoder), watermarks,
                        "Ledger events (files)")
                .uid("ledger-events-files");

        AlertWorkflow.Outputs outputs = AlertWorkflow.define(reportStream, ledgerStream, RuleContext.of(reference, history));
        DataStream<ReplayRecord> results = outputs.alerts().map(new AlertRecord()).uid("collect-alerts").name("Alerts")
                .union(outputs.deadLetters().map(new DeadLetterRecord()).uid("collect-dead-letters").name("Dead letters"));

        Instant started = Instant.now();
        List<Alert> alerts = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        CloseableIterator<ReplayRecord> collected = results.collectAsync();
        JobClient job = env.executeAsync("gridwarden replay");
        ScheduledExecutorService ticker = showProgress(job, started, progress);
        try (collected) {
            while (collected.hasNext()) {
                ReplayRecord r = collected.next();
                if (r.alert() != null) {
                    alerts.add(r.alert());
                } else {
                    deadLetters.add(r.deadLetter());
                }
            }
        } finally {
            ticker.shutdownNow();
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        Duration took = Duration.between(started, Instant.now());

        Long latest = result.getAccumulatorResult(IngestCounters.LATEST_EVENT_TIME);
        Instant horizon = settings.until() != null ? settings.until()
                : latest == null || latest == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(latest);
        BeforeHorizon beforeHorizon = new BeforeHorizon(horizon);
        List<Alert> inHorizon = alerts.stream().filter(beforeHorizon::filter).toList();
        new ReplayOutputWriter(Clock.systemUTC()).write(settings.out(), inHorizon, deadLetters);
        return new ReplaySummary(outputs.rules(), inHorizon, deadLetters.size(), counter(result, IngestCounters.IN),
                counter(result, IngestCounters.PROCESSED), counter(result, IngestCounters.INVALID),
                counter(result, IngestCounters.LATE), counter(result, IngestCounters.DUPLICATES), horizon,
                alerts.size() - inHorizon.size(), took);
    }

    /** Files whose name starts with the stream's name, anywhere below the input directory, in path order. */
    static List<Path> inputFiles(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(prefix) && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long counter(JobExecutionResult result, String name) {
        Long v = result.getAccumulatorResult(name);
        return v == null ? 0 : v;
    }

    private static ScheduledExecutorService showProgress(JobClient job, Instant started, PrintStream progress) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replay-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                Map<String, Object> acc = job.getAccumulators().get(2, TimeUnit.SECONDS);
                Object in = acc.getOrDefault(IngestCounters.IN, 0L);
                long seconds = Duration.between(started, Instant.now()).toSeconds();
                progress.printf("  replaying: %s records read, %d s%n", in, seconds);
            } catch (Exception e) {
                // progress is best effort; the job's own result reports failures
            }
        }, 3, 3, TimeUnit.SECONDS);
        return ticker;
    }

    private static final class AlertRecord implements MapFunction<Alert, ReplayRecord> {
        @Override
        public ReplayRecord map(Alert alert) {
            return ReplayRecord.of(alert);
        }
    }

    private static final class DeadLetterRecord implements MapFunction<DeadLetter, ReplayRecord> {
        @Override
        public ReplayRecord map(DeadLetter deadLetter) {
            return ReplayRecord.of(deadLetter);
        }
    }
}
