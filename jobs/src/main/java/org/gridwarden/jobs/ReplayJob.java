package org.gridwarden.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.connectors.replay.ReplayOutputWriter;
import org.gridwarden.connectors.replay.ReplayRecord;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.ingest.IngestCounters;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
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
        ReplayInput input = ReplayInput.in(settings.input());
        StreamExecutionEnvironment env = JobEnvironments.create(
                JobEnvironments.base(settings.mode(), settings.parallelism()));
        ReplayInput.Streams streams = input.read(env, reference, ruleSet.ingest().allowedLateness().toDuration());

        AlertWorkflow.Outputs outputs = AlertWorkflow.define(streams.gridReports(), streams.ledgerEvents(),
                RuleContext.of(reference, history));
        DataStream<ReplayRecord> results = outputs.alerts().map(new AlertRecord()).uid("collect-alerts").name("Alerts")
                .union(outputs.deadLetters().map(new DeadLetterRecord()).uid("collect-dead-letters").name("Dead letters"));

        Instant started = Instant.now();
        List<Alert> alerts = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        CloseableIterator<ReplayRecord> collected = results.collectAsync();
        JobClient job = env.executeAsync("gridwarden replay");
        try (collected; JobProgress ticker = JobProgress.start(job, started, progress::println, (acc, elapsed) ->
                String.format("  replaying: %s records read, %d s", acc.getOrDefault(IngestCounters.IN, 0L),
                        elapsed.toSeconds()))) {
            while (collected.hasNext()) {
                ReplayRecord r = collected.next();
                if (r.alert() != null) {
                    alerts.add(r.alert());
                } else {
                    deadLetters.add(r.deadLetter());
                }
            }
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        Duration took = Duration.between(started, Instant.now());

        Instant horizon = horizon(settings.until(), result);
        BeforeHorizon beforeHorizon = new BeforeHorizon(horizon);
        List<Alert> inHorizon = alerts.stream().filter(beforeHorizon::filter).toList();
        new ReplayOutputWriter(Clock.systemUTC()).write(settings.out(), inHorizon, deadLetters);
        return new ReplaySummary(outputs.rules(), inHorizon, deadLetters.size(), counter(result, IngestCounters.IN),
                counter(result, IngestCounters.PROCESSED), counter(result, IngestCounters.INVALID),
                counter(result, IngestCounters.LATE), counter(result, IngestCounters.DUPLICATES), horizon,
                alerts.size() - inHorizon.size(), took);
    }

    /**
     * The horizon of a finished bounded run: {@code until} when given, else the newest event time it
     * processed. No alert after it has happened yet.
     */
    public static Instant horizon(Instant until, JobExecutionResult result) {
        Long latest = result.getAccumulatorResult(IngestCounters.LATEST_EVENT_TIME);
        return until != null ? until
                : latest == null || latest == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(latest);
    }

    private static long counter(JobExecutionResult result, String name) {
        Long v = result.getAccumulatorResult(name);
        return v == null ? 0 : v;
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
