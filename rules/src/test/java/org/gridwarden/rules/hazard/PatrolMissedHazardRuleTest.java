package org.gridwarden.rules.hazard;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.HazardInputs.BUILDING;
import static org.gridwarden.rules.testing.HazardInputs.cancelled;
import static org.gridwarden.rules.testing.HazardInputs.closed;
import static org.gridwarden.rules.testing.HazardInputs.created;
import static org.gridwarden.rules.testing.HazardInputs.patrol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Harnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 巡查未发现 through both keyed stages (case tracker by case id, then the rule by building), each in Flink's
 * operator harness: open case or follow-up complaint, one alert per patrol, any arrival order, no state left.
 */
class PatrolMissedHazardRuleTest {

    private static final String WIRING = "fire.illegal_wiring";
    private static final Instant T = beijing("2026-11-16T09:00");

    private final RuleContext ctx = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());
    private KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Alert> tracker;
    private KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, BuildingSignal, Alert> rule;

    @BeforeEach
    void open() throws Exception {
        tracker = Harnesses.byCase(new HazardCaseTracker(ctx));
        rule = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PatrolMissedHazardRule(ctx), PatrolMissedHazardRule.KEY, IdKey.TYPE);
    }

    @AfterEach
    void close() throws Exception {
        tracker.close();
        rule.close();
    }

    private void send(Object... records) throws Exception {
        for (Object r : records) {
            if (r instanceof LedgerEvent e) {
                tracker.processElement(e, e.at().toEpochMilli());
                forwardTrackerOutput();
            } else {
                GridReport p = (GridReport) r;
                List<BuildingSignal> signals = new ArrayList<>();
                new PatrolMissedHazardRule.NothingFoundPatrols().flatMap(p, new ListCollector<>(signals));
                for (BuildingSignal s : signals) {
                    rule.processElement(s, p.observedAt().toEpochMilli());
                }
            }
        }
    }

    private void watermark(long t) throws Exception {
        tracker.processWatermark(t);
        forwardTrackerOutput();
        rule.processWatermark(t);
    }

    private void watermark(Instant t) throws Exception {
        watermark(t.toEpochMilli());
    }

    private void forwardTrackerOutput() throws Exception {
        for (BuildingSignal s : Harnesses.drain(tracker, HazardCaseTracker.CASES)) {
            rule.processElement(s, s.hazardCase().createdAt().toEpochMilli());
        }
    }

    private List<Alert> alerts() {
        return rule.extractOutputValues();
    }

    private void assertForgotten() {
        assertEquals(0, tracker.numKeyedStateEntries(), "case tracker state left behind");
        assertEquals(0, tracker.numEventTimeTimers(), "case tracker timers left behind");
        assertEquals(0, rule.numKeyedStateEntries(), "rule state left behind");
        assertEquals(0, rule.numEventTimeTimers(), "rule timers left behind");
    }

    @Test
    void nothingFoundWhileAHazardCaseIsOpen_warnsTheStreetOfficeAtThePatrol() throws Exception {
        send(created("K1", T, Channel.HOTLINE, WIRING, BUILDING),
                patrol("P1", T.plus(Duration.ofHours(3)), BUILDING, false),
                closed("K1", T.plus(Duration.ofHours(5))));
        watermark(T.plus(Duration.ofHours(6)));
        List<Alert> alerts = alerts();
        assertEquals(1, alerts.size(), alerts.toString());
        Alert a = alerts.get(0);
        assertEquals("PATROL_MISSED_HAZARD", a.ruleId());
        assertEquals(AlertLevel.WARNING, a.level());
        assertEquals("street-donghu", a.department());
        assertEquals("building:" + BUILDING, a.subjectKey());
        assertEquals(List.of("K1-created", "P1"), a.evidence());
        assertEquals(T.plus(Duration.ofHours(3)), a.eventTime());
        assertEquals("K1", a.caseId());
        assertEquals(WIRING, a.categoryCode());
        assertTrue(a.title().startsWith("巡查未发现隐患"), a.title());
        watermark(T.plus(Duration.ofDays(3)));
        assertEquals(1, alerts().size(), "one alert per patrol");
        assertForgotten();
    }

    @Test
    void caseClosedBeforeThePatrol_evenIfTheCloseArrivesFirst_raisesNothing() throws Exception {
        send(closed("K1", T.plus(Duration.ofHours(2))), created("K1", T, Channel.GRID, WIRING, BUILDING),
                patrol("P1", T.plus(Duration.ofHours(2)), BUILDING, false));
        watermark(T.plus(Duration.ofDays(3)));
        assertEquals(List.of(), alerts(), "closed at the patrol's time: no longer open");
        assertForgotten();
    }

    @Test
    void cancelledCase_isNoLongerOpen() throws Exception {
        send(created("K1", T, Channel.APP, WIRING, BUILDING), cancelled("K1", T.plus(Duration.ofHours(1))),
                patrol("P1", T.plus(Duration.ofHours(2)), BUILDING, false));
        watermark(T.plus(Duration.ofDays(3)));
        assertEquals(List.of(), alerts());
        assertForgotten();
    }

    @Test
    void hazardComplaintWithinTheFollowUp_warnsAtTheComplaint() throws Exception {
        send(patrol("P1", T, BUILDING, false));
        watermark(T.plus(Duration.ofHours(30)));
        send(created("K1", T.plus(Duration.ofHours(40)), Channel.HOTLINE, WIRING, BUILDING),
                created("K2", T.plus(Duration.ofHours(45)), Channel.APP, WIRING, BUILDING),
                closed("K1", T.plus(Duration.ofHours(41))), closed("K2", T.plus(Duration.ofHours(46))));
        watermark(T.plus(Duration.ofDays(5)));
        List<Alert> alerts = alerts();
        assertEquals(1, alerts.size(), "one alert per patrol: " + alerts);
        assertEquals(T.plus(Duration.ofHours(40)), alerts.get(0).eventTime());
        assertEquals(List.of("P1", "K1-created"), alerts.get(0).evidence());
        assertForgotten();
    }

    @Test
    void hazardComplaintAtExactlyTheEndOfTheFollowUp_counts_butSixtyHoursAfterDoesNot() throws Exception {
        String other = "S01C01G01-B04";
        send(patrol("P1", T, BUILDING, false), patrol("P2", T, other, false),
                created("K1", T.plus(Duration.ofHours(48)), Channel.HOTLINE, WIRING, BUILDING),
                created("K2", T.plus(Duration.ofHours(60)), Channel.HOTLINE, WIRING, other),
                closed("K1", T.plus(Duration.ofHours(49))), closed("K2", T.plus(Duration.ofHours(61))));
        watermark(T.plus(Duration.ofDays(5)));
        assertEquals(List.of("P1"), alerts().stream().map(a -> a.evidence().get(0)).toList());
        assertForgotten();
    }

    @Test
    void followUpCaseFromAChannelOutsideTheSection_orWithoutHazard_raisesNothing() throws Exception {
        send(patrol("P1", T, BUILDING, false),
                created("K1", T.plus(Duration.ofHours(5)), Channel.GRID, WIRING, BUILDING),
                created("K2", T.plus(Duration.ofHours(6)), Channel.HOTLINE, "sanitation.garbage_overflow", BUILDING),
                closed("K1", T.plus(Duration.ofHours(7))), closed("K2", T.plus(Duration.ofHours(7))));
        watermark(T.plus(Duration.ofDays(5)));
        assertEquals(List.of(), alerts());
        assertForgotten();
    }

    @Test
    void patrolsThatFoundAHazard_orNameNoBuilding_orAnotherBuilding_areIgnored() throws Exception {
        send(created("K1", T, Channel.HOTLINE, WIRING, BUILDING),
                patrol("P1", T.plus(Duration.ofHours(1)), BUILDING, true),
                patrol("P2", T.plus(Duration.ofHours(1)), null, false),
                patrol("P3", T.plus(Duration.ofHours(1)), "S01C01G01-B04", false),
                closed("K1", T.plus(Duration.ofHours(2))));
        watermark(T.plus(Duration.ofDays(5)));
        assertEquals(List.of(), alerts());
        assertForgotten();
    }

    @Test
    void endOfInput_inAnyArrivalOrder_givesTheSameAlerts() throws Exception {
        // a bounded run: every record of the keys first, in no particular order, then the maximum watermark
        send(closed("K1", T.plus(Duration.ofHours(5))), patrol("P2", T.plus(Duration.ofHours(6)), BUILDING, false),
                patrol("P1", T.plus(Duration.ofHours(3)), BUILDING, false),
                created("K1", T, Channel.HOTLINE, WIRING, BUILDING),
                created("K2", T.plus(Duration.ofHours(20)), Channel.SENSOR, WIRING, BUILDING));
        watermark(Long.MAX_VALUE);
        List<Alert> alerts = alerts();
        assertEquals(List.of("K1-created|P1", "P2|K2-created"),
                alerts.stream().map(a -> String.join("|", a.evidence())).toList());
        assertEquals(List.of(T.plus(Duration.ofHours(3)), T.plus(Duration.ofHours(20))),
                alerts.stream().map(Alert::eventTime).toList());
        assertForgotten();
    }

    @Test
    void aCaseThatNeverEnds_isForgottenAfterTheOpenCaseRetention() throws Exception {
        send(created("K1", T, Channel.HOTLINE, WIRING, BUILDING));
        watermark(T.plus(Duration.ofDays(364)));
        send(patrol("P1", T.plus(Duration.ofDays(364)).plusSeconds(1), BUILDING, false));
        watermark(T.plus(Duration.ofDays(366)));
        assertEquals(1, alerts().size(), "still open within the retention");
        send(patrol("P2", T.plus(Duration.ofDays(366)).plusSeconds(1), BUILDING, false));
        watermark(T.plus(Duration.ofDays(400)));
        assertEquals(1, alerts().size(), "forgotten after it");
        assertForgotten();
    }
}
