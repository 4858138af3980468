package org.gridwarden.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;

/**
 * A bounded run over JSON-lines history (回放), in BATCH mode by default: every key's events are processed in
 * event-time order through the same workflow as live, and timers fire at end of input, so alerts after the
 * horizon ({@code --until}, default the end of the emission window or else the newest event) are dropped.
 * Writes the alerts of the emission window and the dead letters of what it read.
 */
public final class ReplayJob {

    /**
     * @param mode BATCH (default: no checkpoints, no late records) or STREAMING (the live code path over files;
     *     the same alerts)
     * @param window the alerts written, and so the history read
     * @param kafka the live job's topics as history instead of the files of {@code input} (null for files)
     */
    public record Settings(Path input, Path out, Instant until, int parallelism, RuntimeExecutionMode mode,
            EmissionWindow window, KafkaHistory kafka, Instant asOf, Pseudonyms pseudonyms) {

        /** No arrival check, under the sample pseudonym key: for the benchmark and tests. */
        public Settings(Path input, Path out, Instant until, int parallelism, RuntimeExecutionMode mode,
                EmissionWindow window, KafkaHistory kafka) {
            this(input, out, until, parallelism, mode, window, kafka, null, null);
        }

        public Settings withAsOf(Instant arrival) {
            return new Settings(input, out, until, parallelism, mode, window, kafka, arrival, pseudonyms);
        }

        public Settings withPseudonyms(Pseudonyms key) {
            return new Settings(input, out, until, parallelism, mode, window, kafka, asOf, key);
        }

        public Settings(Path input, Path out, Instant until, int parallelism, RuntimeExecutionMode mode,
                EmissionWindow window) {
            this(input, out, until, parallelism, mode, window, null);
        }

        public Settings(Path input, Path out, Instant until, int parallelism, RuntimeExecutionMode mode) {
            this(input, out, until, parallelism, mode, EmissionWindow.ALL);
        }

        public Settings(Path input, Path out, Instant until, int parallelism) {
            this(input, out, until, parallelism, RuntimeExecutionMode.BATCH);
        }
    }

    private ReplayJob() {}

    public static ReplaySummary run(Settings settings, ReferenceData reference, RuleSet ruleSet, PrintStream progress)
            throws Exception {
        return run(settings, reference, RuleSetHistory.of(ruleSet), progress);
    }

    /**
     * Replays under the rule sets of {@code history}, each decision by the version in force at its event's time.
     * With an emission window, only the events from its warm-up on are read (of a day archive, only those days)
     * and only the window's alerts are written.
     */
    public static ReplaySummary run(Settings settings, ReferenceData reference, RuleSetHistory history,
            PrintStream progress) throws Exception {
        RuleSet ruleSet = history.latest();
        ZoneId zone = reference.zone();
        EmissionWindow window = settings.window();
        Instant readFrom = window.readFrom(history, reference.calendar());
        ReplayInput input = settings.kafka() != null ? null : ReplayInput.in(settings.input(),
                readFrom == null ? null : readFrom.atZone(zone).toLocalDate(), window.lastDay(zone));
        StreamExecutionEnvironment env = JobEnvironments.create(
                JobEnvironments.boundedLocal(settings.mode(), settings.parallelism()));
        ReplayInput.Streams streams = input == null ? settings.kafka().read(env, reference, ruleSet.ingest())
                : input.read(env, reference, ruleSet.ingest(), settings.asOf());
        EventWindow read = new EventWindow(readFrom, window.emitTo());
        DataStream<Ingested> reports = streams.gridReports().filter(read)
                .uid("replay-window-grid-reports").name("Event-time window (grid reports)");
        DataStream<Ingested> ledger = streams.ledgerEvents().filter(read)
                .uid("replay-window-ledger-events").name("Event-time window (ledger events)");

        AlertWorkflow.Outputs outputs = AlertWorkflow.define(reports, ledger, RuleContext.of(reference, history),
                PseudonymKey.orSample(settings.pseudonyms()));
        Instant knownHorizon = window.horizon(settings.until());
        DataStream<Alert> raised = knownHorizon == null ? outputs.alerts() : outputs.alerts()
                .filter(new AlertsBeforeHorizon(knownHorizon)).uid("alerts-before-horizon").name("Alerts up to the horizon");
        DataStream<ReplayRecord> results = raised.map(new AlertRecord()).uid("collect-alerts").name("Alerts")
                .union(outputs.deadLetters().map(new DeadLetterRecord()).uid("collect-dead-letters").name("Dead letters"));

        Instant started = Instant.now();
        List<Alert> alerts = new ArrayList<>();
        AtomicLong alertsSoFar = new AtomicLong();
        List<DeadLetter> deadLetters = new ArrayList<>();
        CloseableIterator<ReplayRecord> collected = results.collectAsync();
        JobClient job = env.executeAsync("gridwarden replay");
        try (collected; JobProgress ticker = JobProgress.start(job, started, progress::println,
                progress(zone, alertsSoFar))) {
            while (collected.hasNext()) {
                ReplayRecord r = collected.next();
                if (r.alert() != null) {
                    alerts.add(r.alert());
                    alertsSoFar.incrementAndGet();
                } else {
                    deadLetters.add(r.deadLetter());
                }
            }
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        Duration took = Duration.between(started, Instant.now());

        Instant horizon = horizon(window.horizon(settings.until()), result);
        BeforeHorizon beforeHorizon = new BeforeHorizon(horizon);
        List<Alert> inHorizon = alerts.stream().filter(beforeHorizon::filter).toList();
        List<Alert> emitted = inHorizon.stream().filter(a -> window.contains(a.eventTime())).toList();
        progress.println("  writing: " + Plural.of(emitted.size(), "alert") + " and "
                + Plural.of(deadLetters.size(), "dead letter") + " to " + settings.out());
        new ReplayOutputWriter(Clock.systemUTC()).write(settings.out(), emitted, deadLetters);
        return new ReplaySummary(outputs.rules(), emitted, deadLetters.size(), counter(result, IngestCounters.IN),
                counter(result, IngestCounters.PROCESSED), counter(result, IngestCounters.INVALID),
                counter(result, IngestCounters.LATE), counter(result, IngestCounters.CONFLICTING),
                counter(result, IngestCounters.DUPLICATES), horizon,
                alerts.size() - inHorizon.size() + counter(result, AlertsBeforeHorizon.AFTER_HORIZON),
                new ReplaySummary.Reading(window, readFrom, input == null ? List.of() : input.days(),
                        counter(result, EventWindow.READ), zone, input == null ? List.of() : input.emptyDays()),
                inHorizon.size() - emitted.size(), took);
    }

    /**
     * The progress line of a running replay, naming its phase: "reading" while the count of records read grows;
     * once it stands still, the rules are firing the timers due at the end of input (BATCH mode holds every timer
     * until then), which on a long history takes a while of its own.
     */
    public static JobProgress.Line progress(ZoneId zone, AtomicLong alertsSoFar) {
        AtomicLong readBefore = new AtomicLong(-1);
        return (acc, elapsed) -> {
            long read = (Long) acc.getOrDefault(EventWindow.READ, 0L);
            Object newest = acc.get(EventWindow.NEWEST_READ);
            String position = newest instanceof Long t && t != Long.MIN_VALUE
                    ? " up to " + OffsetDateTime.ofInstant(Instant.ofEpochMilli(t), zone) : "";
            String alerts = Plural.of(alertsSoFar.get(), "alert") + " so far, " + elapsed.toSeconds() + " s";
            if (read > 0 && read == readBefore.getAndSet(read)) {
                return "  firing end-of-input timers: " + Plural.of(read, "record") + " read" + position + ", "
                        + alerts;
            }
            return "  reading: " + Plural.of(read, "record") + position + ", " + alerts;
        };
    }

    /**
     * The horizon of a finished bounded run: {@code until} when given, else the newest event time it
     * admitted (a record dated too far ahead is dead-lettered FUTURE, so it never sets the horizon). No alert
     * after it has happened yet.
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
