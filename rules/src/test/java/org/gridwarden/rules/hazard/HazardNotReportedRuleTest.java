package org.gridwarden.rules.hazard;

import org.apache.flink.api.java.tuple.Tuple2;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.testing.Harnesses;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.HazardInputs.BUILDING;
import static org.gridwarden.rules.testing.HazardInputs.created;
import static org.gridwarden.rules.testing.HazardInputs.hazardReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 隐患漏报 through Flink's operator harness: which cases raise, when, to whom; any arrival order; no state left. */
class HazardNotReportedRuleTest {

    private static final String BLOCKED_EXIT = "fire.blocked_exit";
    private static final String WIRING = "fire.illegal_wiring";
    private static final String GAS_LEAK = "gas.leak";
    private static final Instant T = beijing("2026-11-16T09:00");

    private final RuleContext ctx = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());
    private KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, HazardSignal, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new HazardNotReportedRule(ctx), HazardSignal.BY_KEY, IdKey.TYPE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Sends records through the rule's own input filters, as the wired job does. */
    private void send(Object... records) throws Exception {
        List<HazardSignal> signals = new ArrayList<>();
        Collector<HazardSignal> into = new ListCollector<>(signals);
        HazardNotReportedRule.HazardCasesFromChannels cases = new HazardNotReportedRule.HazardCasesFromChannels(ctx);
        HazardNotReportedRule.GridHazardReports reports = new HazardNotReportedRule.GridHazardReports(ctx);
        for (Object r : records) {
            if (r instanceof LedgerEvent e) {
                cases.flatMap(e, into);
            } else {
                reports.flatMap((GridReport) r, into);
            }
        }
        for (HazardSignal s : signals) {
            harness.processElement(s, s.timeMillis());
        }
    }

    private void watermark(Instant t) throws Exception {
        harness.processWatermark(t.toEpochMilli());
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }


    @Test
    void hotlineHazardWithoutGridReport_alertsStreetOfficeAndDistrictDepartment_whenTheGraceEnds() throws Exception {
        send(created("K1", T, Channel.HOTLINE, BLOCKED_EXIT, BUILDING));
        watermark(T.plus(Duration.ofHours(24)).minusMillis(1));
        assertEquals(List.of(), alerts(), "not before the grace period ends");

        watermark(T.plus(Duration.ofHours(24)));
        List<Alert> alerts = alerts();
        assertEquals(List.of("street-donghu", "emergency"), alerts.stream().map(Alert::department).toList());
        for (Alert a : alerts) {
            assertEquals("HAZARD_NOT_REPORTED_BY_GRID", a.ruleId());
            assertEquals(AlertLevel.ALERT, a.level());
            assertEquals("grid:S01C01G01|fire", a.subjectKey());
            assertEquals(List.of("K1-created"), a.evidence());
            assertEquals(T.plus(Duration.ofHours(24)), a.eventTime());
            assertEquals("K1", a.caseId());
            assertEquals(BLOCKED_EXIT, a.categoryCode());
            assertTrue(a.title().startsWith("隐患漏报"), a.title());
        }
        assertNotEquals(alerts.get(0).alertId(), alerts.get(1).alertId());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void gridReportOfTheSameFamilyThreeDaysBefore_excusesTheCase() throws Exception {
        send(hazardReport("R1", T.minus(Duration.ofDays(3)), WIRING, null));
        watermark(T.minus(Duration.ofDays(2)));
        send(created("K1", T, Channel.APP, BLOCKED_EXIT, BUILDING));
        watermark(T.plus(Duration.ofDays(30)));
        assertEquals(List.of(), alerts());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void gridReportTwoHoursAfter_arrivingAfterTheCase_excusesIt() throws Exception {
        send(created("K1", T, Channel.HOTLINE, BLOCKED_EXIT, BUILDING));
        watermark(T.plus(Duration.ofHours(2)).minusSeconds(1));
        send(hazardReport("R1", T.plus(Duration.ofHours(2)), BLOCKED_EXIT, BUILDING));
        watermark(T.plus(Duration.ofDays(30)));
        assertEquals(List.of(), alerts());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void gridReportWithAnEarlierTime_arrivingLate_excusesTheCase() throws Exception {
        send(created("K1", T, Channel.SENSOR, GAS_LEAK, null), hazardReport("R1", T.minusSeconds(300), GAS_LEAK, null));
        watermark(T.plus(Duration.ofDays(30)));
        assertEquals(List.of(), alerts());
    }

    @Test
    void gridReportAtExactlyTheEndOfTheGrace_isInTime_butOneAtTheStartOfTheLookBackMinusOneSecondIsNot()
            throws Exception {
        send(created("K1", T, Channel.HOTLINE, BLOCKED_EXIT, null),
                hazardReport("R1", T.plus(Duration.ofHours(24)), BLOCKED_EXIT, null),
                created("K2", T, Channel.HOTLINE, GAS_LEAK, null),
                hazardReport("R2", T.minus(Duration.ofDays(7)).minusSeconds(1), GAS_LEAK, null));
        watermark(T.plus(Duration.ofDays(30)));
        assertEquals(List.of("K2", "K2"), alerts().stream().map(Alert::caseId).toList());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void gridReportOfAnotherFamilyOrAnotherGrid_doesNotExcuseTheCase() throws Exception {
        send(hazardReport("R1", T.minusSeconds(3600), GAS_LEAK, BUILDING),
                hazardReport("R2", "S01C01G02", T.minusSeconds(3600), BLOCKED_EXIT, null),
                created("K1", T, Channel.HOTLINE, BLOCKED_EXIT, BUILDING));
        watermark(T.plus(Duration.ofDays(30)));
        assertEquals(2, alerts().size(), alerts().toString());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void casesFromTheGridOrAWindow_andNonHazardCategories_areNotConsidered() throws Exception {
        send(created("K1", T, Channel.GRID, BLOCKED_EXIT, BUILDING),
                created("K2", T, Channel.WINDOW, BLOCKED_EXIT, BUILDING),
                created("K3", T, Channel.HOTLINE, "sanitation.garbage_overflow", BUILDING));
        watermark(T.plus(Duration.ofDays(30)));
        assertEquals(List.of(), alerts());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void endOfInput_inAnyArrivalOrder_decidesWithEveryRecordOfTheKey() throws Exception {
        // a bounded run: the watermark jumps from its minimum to its maximum once the key's records are in
        send(created("K1", T, Channel.HOTLINE, BLOCKED_EXIT, BUILDING),
                created("K2", T.plus(Duration.ofDays(10)), Channel.HOTLINE, BLOCKED_EXIT, BUILDING),
                hazardReport("R1", T.plus(Duration.ofHours(5)), BLOCKED_EXIT, BUILDING));
        harness.processWatermark(Long.MAX_VALUE);
        List<Alert> alerts = alerts();
        assertEquals(List.of("K2", "K2"), alerts.stream().map(Alert::caseId).toList(),
                "R1 excuses K1 but lies more than 7 days before K2");
        Harnesses.assertForgotten(harness);
    }
}
