package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.overdue.OverdueCaseRule;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bounded-run skeleton over the district week, whose open deadlines fire after its newest event: those
 * alerts are dropped inside the job whether the horizon is given or not, so none reaches the client.
 */
class BoundedRunTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant NEWEST_EVENT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void withoutAHorizon_alertsAfterTheNewestEventAreDroppedInsideTheJob() throws Exception {
        Run newest = run(RuntimeExecutionMode.BATCH, null);

        assertEquals(NEWEST_EVENT, newest.finished().horizon());
        assertTrue(newest.finished().alertsDroppedInJob() > 0, "the district week's later deadlines fire at its end");
        assertEquals(newest.collected(), newest.finished().upToHorizon(newest.collected()),
                "no alert after the horizon reached the client");
    }

    @Test
    void withoutAHorizon_theOperatorKeyedByCaseBuildsNoDeadlineAfterTheNewestEvent() throws Exception {
        // the families' own output, before any cut: what the overdue handler built itself
        Predicate<Alert> deadlineAfterNewest = a -> (a.ruleId().equals(OverdueCaseRule.RULE_OVERDUE)
                || a.ruleId().equals(OverdueCaseRule.RULE_SIGN_FOR)) && a.eventTime().isAfter(NEWEST_EVENT);
        List<Alert> unbounded = uncut(false);
        List<Alert> bounded = uncut(true);

        assertTrue(unbounded.stream().anyMatch(deadlineAfterNewest), "the district week has later deadlines");
        assertEquals(List.of(), bounded.stream().filter(deadlineAfterNewest).map(Alert::alertId).toList());
        assertEquals(unbounded.stream().filter(deadlineAfterNewest.negate()).toList(), bounded);
    }

    @Test
    void theNewestEventCutsWhereTheSameHorizonGivenAsUntilCuts() throws Exception {
        Run newest = run(RuntimeExecutionMode.BATCH, null);
        Run until = run(RuntimeExecutionMode.BATCH, NEWEST_EVENT);

        assertEquals(until.collected(), newest.collected());
        assertEquals(until.finished().alertsDroppedInJob(), newest.finished().alertsDroppedInJob());
    }

    @Test
    void inStreamingMode_theClientCutsWhatTheJobLetThrough_toTheSameAlerts() throws Exception {
        Run batch = run(RuntimeExecutionMode.BATCH, null);
        Run streaming = run(RuntimeExecutionMode.STREAMING, null);

        assertEquals(NEWEST_EVENT, streaming.finished().horizon());
        assertEquals(batch.collected(), streaming.finished().upToHorizon(streaming.collected()));
    }

    private record Run(BoundedRun.Finished finished, List<Alert> collected) {}

    /** Every family's alerts of a BATCH run without a horizon, uncut; the operator keyed by case bounded or not. */
    private static List<Alert> uncut(boolean bounded) throws Exception {
        BoundedRun run = new BoundedRun(RuntimeExecutionMode.BATCH, 2, null);
        ReplayInput.Streams windowed = run.window(ReplayInput.in(Fixtures.sampleData().resolve("scenarios/district-week"))
                .read(run.env(), Fixtures.reference(), Fixtures.ruleSet().ingest(), null), null, null, "test-");
        AlertWorkflow.Outputs outputs = AlertWorkflow.define(windowed.gridReports(), windowed.ledgerEvents(),
                RuleContext.of(Fixtures.reference(), Fixtures.ruleSet()), Fixtures.samplePseudonyms(),
                bounded ? run.newestEvent() : null);
        List<Alert> collected = new ArrayList<>();
        run.collect(outputs.alerts(), "bounded run test", Fixtures.reference().zone(), line -> {}, alert -> true,
                alert -> collected.add(alert.withEmittedAt(null)));
        collected.sort(Comparator.comparing(Alert::alertId));
        return collected;
    }

    private static Run run(RuntimeExecutionMode mode, Instant until) throws Exception {
        BoundedRun run = new BoundedRun(mode, 2, until);
        ReplayInput.Streams windowed = run.window(ReplayInput.in(Fixtures.sampleData().resolve("scenarios/district-week"))
                .read(run.env(), Fixtures.reference(), Fixtures.ruleSet().ingest(), null), null, null, "test-");
        AlertWorkflow.Outputs outputs = AlertWorkflow.define(windowed.gridReports(), windowed.ledgerEvents(),
                RuleContext.of(Fixtures.reference(), Fixtures.ruleSet()), Fixtures.samplePseudonyms(), run.newestEvent());
        List<Alert> collected = new ArrayList<>();
        BoundedRun.Finished finished = run.collect(run.upToHorizon(outputs, "alerts-before-horizon"),
                "bounded run test", Fixtures.reference().zone(), line -> {}, alert -> true, alert -> collected.add(alert.withEmittedAt(null)));
        collected.sort(Comparator.comparing(Alert::alertId));
        return new Run(finished, collected);
    }
}
