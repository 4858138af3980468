package org.gridwarden.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.gridwarden.connectors.replay.ReplayOutputWriter;
import org.gridwarden.connectors.replay.ReplayRecord;
import org.gridwarden.rules.ingest.IngestCounters;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.risk.GridRisk;
import org.gridwarden.rules.risk.GridRiskIndex;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;

/**
 * A bounded run over JSON-lines history (回放), in BATCH mode by default: every key's events are processed in
 * event-time order through the same workflow as live, and timers fire at end of input, so alerts after the
 * horizon ({@code --until}, default the end of the emission window or else the newest event) are dropped.
 * Writes the alerts and the grids' risk indices of the emission window and the dead letters of what it read.
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
        Instant horizon = window.horizon(settings.until());
        BoundedRun run = new BoundedRun(settings.mode(), settings.parallelism(), horizon);
        ReplayInput.Streams read = input == null ? settings.kafka().read(run.env(), reference, ruleSet.ingest())
                : input.read(run.env(), reference, ruleSet.ingest(), settings.asOf());
        ReplayInput.Streams windowed = run.window(read, readFrom, window.emitTo(), "replay-");

        RuleContext ctx = RuleContext.of(reference, history).withHorizon(horizon);
        AlertWorkflow.Outputs outputs = AlertWorkflow.define(windowed.gridReports(), windowed.ledgerEvents(), ctx,
                PseudonymKey.orSample(settings.pseudonyms()), run.newestEvent());
        DataStream<Alert> alertsUpToHorizon = run.upToHorizon(outputs, "alerts-before-horizon");
        // fed the alerts up to the horizon: what it publishes up to the horizon depends on nothing later
        DataStream<GridRisk> risk = GridRiskIndex.wire(alertsUpToHorizon, ctx);
        DataStream<ReplayRecord> results = alertsUpToHorizon
                .map(new AlertRecord()).uid("collect-alerts").name("Alerts")
                .union(outputs.deadLetters().map(new DeadLetterRecord()).uid("collect-dead-letters").name("Dead letters"),
                        risk.map(new RiskRecord()).uid("collect-risk").name("Risk index"));

        List<Alert> alerts = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<GridRisk> risks = new ArrayList<>();
        BoundedRun.Finished finished = run.collect(results, "gridwarden replay", zone, progress::println,
                r -> r.alert() != null, r -> {
                    if (r.alert() != null) {
                        alerts.add(r.alert());
                    } else if (r.risk() != null) {
                        risks.add(r.risk());
                    } else {
                        deadLetters.add(r.deadLetter());
                    }
                });

        List<Alert> inHorizon = finished.upToHorizon(alerts);
        List<Alert> emitted = inHorizon.stream().filter(a -> window.contains(a.eventTime())).toList();
        List<GridRisk> riskEmitted = risks.stream()
                .filter(r -> !r.at().isAfter(finished.horizon()) && window.contains(r.at())).toList();
        progress.println("  writing: " + Plural.of(emitted.size(), "alert") + ", "
                + Plural.of(deadLetters.size(), "dead letter") + " and " + Plural.of(riskEmitted.size(), "risk index", "risk indices")
                + " to " + settings.out());
        new ReplayOutputWriter(Clock.systemUTC()).write(settings.out(), emitted, deadLetters, riskEmitted);
        return new ReplaySummary(outputs.rules(), emitted, deadLetters.size(), finished.counter(IngestCounters.IN),
                finished.counter(IngestCounters.PROCESSED), finished.counter(IngestCounters.INVALID),
                finished.counter(IngestCounters.LATE), finished.counter(IngestCounters.CONFLICTING),
                finished.counter(IngestCounters.DUPLICATES), finished.horizon(),
                alerts.size() - inHorizon.size() + finished.alertsDroppedInJob(),
                new ReplaySummary.Reading(window, readFrom, input == null ? List.of() : input.days(),
                        finished.counter(EventWindow.READ), zone, input == null ? List.of() : input.emptyDays()),
                inHorizon.size() - emitted.size(), finished.took());
    }

    private static final class AlertRecord implements MapFunction<Alert, ReplayRecord> {
        @Override
        public ReplayRecord map(Alert alert) {
            return ReplayRecord.of(alert);
        }
    }

    private static final class RiskRecord implements MapFunction<GridRisk, ReplayRecord> {
        @Override
        public ReplayRecord map(GridRisk risk) {
            return ReplayRecord.of(risk);
        }
    }

    private static final class DeadLetterRecord implements MapFunction<DeadLetter, ReplayRecord> {
        @Override
        public ReplayRecord map(DeadLetter deadLetter) {
            return ReplayRecord.of(deadLetter);
        }
    }
}
