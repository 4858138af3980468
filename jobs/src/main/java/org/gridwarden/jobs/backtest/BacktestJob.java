package org.gridwarden.jobs.backtest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.jobs.AlertWorkflow;
import org.gridwarden.jobs.EventWindow;
import org.gridwarden.jobs.JobEnvironments;
import org.gridwarden.jobs.JobProgress;
import org.gridwarden.jobs.PseudonymKey;
import org.gridwarden.jobs.ReplayInput;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;

/**
 * A backtest (回测): two copies of the rules, the baseline's and the candidate's rule sets, over the same
 * history in one bounded job. The files are read once; both copies see exactly the same records, in BATCH
 * mode like a replay, so each side raises what a replay with its rule sets would (no alert after the horizon).
 */
public final class BacktestJob {

    /**
     * @param from first event time read (inclusive), or null for the whole history
     * @param to event time where reading stops (exclusive) and the horizon of the alerts, or null for the
     *     newest event
     */
    public record Settings(Path input, Instant from, Instant to, int parallelism, Pseudonyms pseudonyms) {

        /** Under the sample pseudonym key: for tests. */
        public Settings(Path input, Instant from, Instant to, int parallelism) {
            this(input, from, to, parallelism, null);
        }
    }

    private BacktestJob() {}

    public static BacktestRun run(Settings settings, ReferenceData reference, RuleSetHistory baseline,
            RuleSetHistory candidate, Consumer<String> progress) throws Exception {
        ReplayInput input = ReplayInput.in(settings.input());
        StreamExecutionEnvironment env = JobEnvironments.create(
                JobEnvironments.boundedLocal(RuntimeExecutionMode.BATCH, settings.parallelism()));
        // no record is late in BATCH mode, so the allowed lateness of the shared sources decides nothing
        ReplayInput.Streams streams = input.read(env, reference, baseline.latest().ingest(), null);
        EventWindow window = new EventWindow(settings.from(), settings.to());
        DataStream<Ingested> reports = streams.gridReports().filter(window)
                .uid("backtest-window-grid-reports").name("Event-time window (grid reports)");
        DataStream<Ingested> ledger = streams.ledgerEvents().filter(window)
                .uid("backtest-window-ledger-events").name("Event-time window (ledger events)");

        Pseudonyms pseudonyms = PseudonymKey.orSample(settings.pseudonyms());
        Map<Side, List<String>> rules = new EnumMap<>(Side.class);
        List<DataStream<SidedAlert>> tagged = new ArrayList<>();
        for (Side side : Side.values()) {
            RuleContext ctx = RuleContext.of(reference, side == Side.BASELINE ? baseline : candidate)
                    .withUidPrefix(side.uidPrefix());
            AlertWorkflow.Outputs outputs = AlertWorkflow.define(reports, ledger, ctx, pseudonyms);
            rules.put(side, outputs.rules());
            tagged.add(outputs.alerts().map(new Tag(side)).uid(ctx.uid("tag-alerts"))
                    .name("Alerts of the " + side.name().toLowerCase()));
        }

        ZoneId zone = ZoneId.of(reference.district().timeZone());
        Instant started = Instant.now();
        Map<Side, List<Alert>> alerts = new EnumMap<>(Map.of(Side.BASELINE, new ArrayList<>(),
                Side.CANDIDATE, new ArrayList<>()));
        AtomicLong alertsSoFar = new AtomicLong();
        CloseableIterator<SidedAlert> collected = tagged.get(0).union(tagged.get(1)).collectAsync();
        JobClient job = env.executeAsync("gridwarden rules backtest");
        try (collected; JobProgress ticker = JobProgress.start(job, started, progress,
                ReplayJob.progress(zone, alertsSoFar))) {
            while (collected.hasNext()) {
                SidedAlert a = collected.next();
                alerts.get(a.side()).add(a.alert());
                alertsSoFar.incrementAndGet();
            }
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        Duration took = Duration.between(started, Instant.now());

        Instant horizon = ReplayJob.horizon(settings.to(), result);
        BeforeHorizon beforeHorizon = new BeforeHorizon(horizon);
        List<Alert> baselineAlerts = alerts.get(Side.BASELINE).stream().filter(beforeHorizon::filter).toList();
        List<Alert> candidateAlerts = alerts.get(Side.CANDIDATE).stream().filter(beforeHorizon::filter).toList();
        long afterHorizon = alertsSoFar.get() - baselineAlerts.size() - candidateAlerts.size();
        return new BacktestRun(rules.get(Side.BASELINE), rules.get(Side.CANDIDATE), baselineAlerts, candidateAlerts,
                horizon, counter(result, EventWindow.READ), counter(result, EventWindow.IN_WINDOW), afterHorizon, took);
    }

    private static long counter(JobExecutionResult result, String name) {
        Long v = result.getAccumulatorResult(name);
        return v == null ? 0 : v;
    }

    private static final class Tag implements MapFunction<Alert, SidedAlert> {

        private final Side side;

        Tag(Side side) {
            this.side = side;
        }

        @Override
        public SidedAlert map(Alert alert) {
            return new SidedAlert(side, alert);
        }
    }
}
