package org.gridwarden.jobs.backtest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.gridwarden.jobs.AlertWorkflow;
import org.gridwarden.jobs.BoundedRun;
import org.gridwarden.jobs.EventWindow;
import org.gridwarden.jobs.PseudonymKey;
import org.gridwarden.jobs.ReplayInput;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
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
        BoundedRun run = new BoundedRun(RuntimeExecutionMode.BATCH, settings.parallelism(), settings.to());
        // no record is late in BATCH mode, so the allowed lateness of the shared sources decides nothing
        ReplayInput.Streams windowed = run.window(input.read(run.env(), reference, baseline.latest().ingest(), null),
                settings.from(), settings.to(), "backtest-");

        Pseudonyms pseudonyms = PseudonymKey.orSample(settings.pseudonyms());
        Map<Side, List<String>> rules = new EnumMap<>(Side.class);
        List<DataStream<SidedAlert>> tagged = new ArrayList<>();
        for (Side side : Side.values()) {
            RuleContext ctx = RuleContext.of(reference, side == Side.BASELINE ? baseline : candidate)
                    .withHorizon(settings.to()).withUidPrefix(side.uidPrefix());
            AlertWorkflow.Outputs outputs = AlertWorkflow.define(windowed.gridReports(), windowed.ledgerEvents(), ctx,
                    pseudonyms, run.newestEvent());
            rules.put(side, outputs.rules());
            tagged.add(run.upToHorizon(outputs, ctx.uid("alerts-before-horizon")).map(new Tag(side))
                    .uid(ctx.uid("tag-alerts")).name("Alerts of the " + side.name().toLowerCase()));
        }

        Map<Side, List<Alert>> alerts = new EnumMap<>(Map.of(Side.BASELINE, new ArrayList<>(),
                Side.CANDIDATE, new ArrayList<>()));
        BoundedRun.Finished finished = run.collect(tagged.get(0).union(tagged.get(1)), "gridwarden rules backtest",
                reference.zone(), progress, a -> true, a -> alerts.get(a.side()).add(a.alert()));

        List<Alert> baselineAlerts = finished.upToHorizon(alerts.get(Side.BASELINE));
        List<Alert> candidateAlerts = finished.upToHorizon(alerts.get(Side.CANDIDATE));
        long afterHorizon = finished.alertsCollected() - baselineAlerts.size() - candidateAlerts.size()
                + finished.alertsDroppedInJob();
        return new BacktestRun(rules.get(Side.BASELINE), rules.get(Side.CANDIDATE), baselineAlerts, candidateAlerts,
                finished.horizon(), finished.counter(EventWindow.READ), finished.counter(EventWindow.IN_WINDOW),
                afterHorizon, finished.took());
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
