package org.gridwarden.rules.grid;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.SilentGridScenes.patrol;
import static org.gridwarden.rules.testing.SilentGridScenes.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Ledger;
import org.gridwarden.rules.testing.SilentGridScenes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The silent-grid rule (网格静默) through Flink's operator harness: which grids go silent, when, to whom, once
 * per episode; patrols out of order; the end of input; and the state left behind.
 */
class SilentGridRuleTest {

    private static final Duration SILENCE = Duration.ofDays(3);
    private static final Duration LATENESS = Duration.ofMinutes(10);
    /** Street S01 (东湖街道), office street-donghu. */
    private static final String G1 = "S01C01G01";
    private static final String G2 = "S01C01G02";
    /** Street S02 (西城街道), office street-xicheng. */
    private static final String G3 = "S02C01G01";
    private static final Instant START = beijing("2026-11-16T08:00");
    private static final int GRIDS = Fixtures.reference().grids().size();

    private KeyedOneInputStreamOperatorTestHarness<Integer, GridActivity, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SilentGridRule(SilentGridScenes.context()), SilentGridRule.KEY, Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(GridReport... reports) throws Exception {
        for (GridReport r : reports) {
            harness.processElement(GridActivity.ofReport(r), r.observedAt().toEpochMilli());
        }
    }

    private void watermark(Instant t) throws Exception {
        harness.processWatermark(t.toEpochMilli());
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private List<Alert> alertsOf(String gridId) {
        return alerts().stream().filter(a -> a.gridId().equals(gridId)).toList();
    }

    /** {@code time} (Beijing) on the n-th day after Monday 2026-11-16. */
    private static Instant day(int n, String time) {
        return beijing("2026-11-16T" + time).plus(Duration.ofDays(n));
    }

    @Test
    void gridPatrolledDaily_staysQuiet_whileEveryGridNeverPatrolledGoesSilentAtStartPlusThreeDays() throws Exception {
        for (int d = 0; d < 6; d++) {
            send(patrol("R-G1-" + d, G1, day(d, "08:00")));
        }
        watermark(START.plus(SILENCE).minusMillis(1));
        assertEquals(List.of(), alerts(), "nobody is silent before three days have passed");

        watermark(day(5, "08:00"));
        assertEquals(List.of(), alertsOf(G1), "patrolled every day");
        assertEquals(GRIDS - 1, alerts().size(), "every other grid of the district, once");
        Alert never = alertsOf(G3).get(0);
        assertEquals(START.plus(SILENCE), never.eventTime());
        assertEquals(List.of(), never.evidence(), "no patrol to show");
        assertEquals("street-xicheng", never.department());
        assertEquals("grid:" + G3, never.subjectKey());
        assertTrue(never.message().contains("开始监测以来"), never.message());
    }

    @Test
    void gridSilentAfterAPatrol_raisesOneWarningAtLastPatrolPlusThreeDays_toItsStreetOffice() throws Exception {
        send(patrol("R-1", G1, START), patrol("R-2", G1, day(1, "09:30")));
        watermark(day(10, "00:00"));
        List<Alert> g1 = alertsOf(G1);
        assertEquals(1, g1.size(), g1.toString());
        Alert a = g1.get(0);
        assertEquals("SILENT_GRID", a.ruleId());
        assertEquals(AlertLevel.WARNING, a.level());
        assertEquals(2, a.severity());
        assertEquals("grid:" + G1, a.subjectKey());
        assertEquals("street-donghu", a.department());
        assertEquals("STREET", a.departmentTier());
        assertEquals(day(4, "09:30"), a.eventTime(), "last patrol + 3 days");
        assertEquals(List.of("R-2"), a.evidence(), "the last patrol");
        assertEquals(null, a.caseId());
        assertEquals(null, a.deadline());
        assertEquals("S01", a.streetId());
        assertTrue(a.title().startsWith("网格静默"), a.title());
        assertTrue(a.message().contains("R-2"), a.message());
    }

    @Test
    void silence_raisesOncePerEpisode_andReArmsAfterTheNextPatrol() throws Exception {
        send(patrol("R-1", G1, START));
        watermark(day(8, "00:00"));
        assertEquals(1, alertsOf(G1).size(), "one alert however long the silence lasts");

        send(patrol("R-2", G1, day(8, "10:00")));
        watermark(day(20, "00:00"));
        List<Alert> g1 = alertsOf(G1);
        assertEquals(2, g1.size(), g1.toString());
        assertEquals(day(11, "10:00"), g1.get(1).eventTime());
        assertEquals(List.of("R-2"), g1.get(1).evidence());
        assertNotEquals(g1.get(0).alertId(), g1.get(1).alertId(), "a new episode, a new alert id");
    }

    @Test
    void patrolExactlyAtTheEndOfTheSilence_isInTime_oneMillisecondLaterIsNot() throws Exception {
        send(patrol("R-1", G1, START), patrol("R-2", G1, START.plus(SILENCE)),
                patrol("R-3", G2, START), patrol("R-4", G2, START.plus(SILENCE).plusMillis(1)));
        watermark(START.plus(SILENCE).plusSeconds(60));
        assertEquals(List.of(), alertsOf(G1), "a patrol at the very end of the silence is in time");
        List<Alert> g2 = alertsOf(G2);
        assertEquals(1, g2.size());
        assertEquals(START.plus(SILENCE), g2.get(0).eventTime());
        assertEquals(List.of("R-3"), g2.get(0).evidence());
    }

    @Test
    void patrolsOutOfOrderWithinTheLateness_giveTheSameAlertsAsInOrder() throws Exception {
        Instant due = START.plus(SILENCE);
        send(patrol("R-1", G1, START));
        watermark(due.minus(LATENESS));
        // both patrols come after the deadline, the later one first: applied on arrival rather than when the
        // watermark passes them, either would hide the silence that ends at the deadline
        send(patrol("R-3", G1, due.plus(Duration.ofMinutes(5))), patrol("R-2", G1, due.plus(Duration.ofMinutes(1))));
        watermark(day(20, "00:00"));
        List<Alert> g1 = alertsOf(G1);
        assertEquals(2, g1.size(), g1.toString());
        assertEquals(due, g1.get(0).eventTime());
        assertEquals(List.of("R-1"), g1.get(0).evidence());
        assertEquals(due.plus(Duration.ofMinutes(5)).plus(SILENCE), g1.get(1).eventTime());
        assertEquals(List.of("R-3"), g1.get(1).evidence(), "the later patrol is the last one, whatever the arrival");
    }

    @Test
    void streamStart_isTheEarliestRecordOfAnyKind_evenOneArrivingLaterWithinTheLateness() throws Exception {
        send(patrol("R-1", G1, START));
        harness.processElement(GridActivity.ofLedgerEvent(Ledger.closed("K-1", START.minus(Duration.ofMinutes(8)))),
                START.minus(Duration.ofMinutes(8)).toEpochMilli());
        send(report("R-0", G2, ReportKind.VISIT, START.minus(Duration.ofMinutes(9))));
        watermark(day(10, "00:00"));
        Alert g2 = alertsOf(G2).get(0);
        assertEquals(START.minus(Duration.ofMinutes(9)).plus(SILENCE), g2.eventTime(),
                "a visit is not a patrol, but it is the stream's first record");
        assertEquals(List.of(), g2.evidence());
        assertEquals(START.plus(SILENCE), alertsOf(G1).get(0).eventTime());
    }

    @Test
    void deadline_firesWhenOnlyTheWatermarkAdvances_withNoFurtherRecord() throws Exception {
        send(patrol("R-1", G1, START));
        watermark(START.plus(SILENCE).minusMillis(1));
        assertEquals(List.of(), alerts());
        watermark(START.plus(SILENCE)); // a quiet night: no record, only time
        assertEquals(GRIDS, alerts().size());
        assertEquals(List.of("R-1"), alertsOf(G1).get(0).evidence());
    }

    @Test
    void endOfInput_raisesEverythingDue_withTheSameIdsAsWatermarksAlongTheWay() throws Exception {
        GridReport[] inEventTimeOrder = {
            patrol("R-1", G1, START), patrol("R-2", G2, day(0, "12:00")), patrol("R-3", G2, day(1, "12:00")),
            patrol("R-4", G1, day(4, "07:00")), patrol("R-6", G2, day(4, "07:05")), patrol("R-5", G1, day(9, "10:00"))};
        // streaming: R-6 overtakes R-4 (within the lateness), the watermark trails the newest event
        Instant newest = Instant.MIN;
        for (int i : new int[] {0, 1, 2, 4, 3, 5}) {
            send(inEventTimeOrder[i]);
            newest = newest.isAfter(inEventTimeOrder[i].observedAt()) ? newest : inEventTimeOrder[i].observedAt();
            watermark(newest.minus(LATENESS));
        }
        watermark(Instant.parse("2100-01-01T00:00:00Z"));
        List<String> streamed = new ArrayList<>(alerts().stream().map(Alert::alertId).sorted().toList());
        List<Alert> g1 = alertsOf(G1);
        assertEquals(List.of(START.plus(SILENCE), day(7, "07:00"), day(12, "10:00")),
                g1.stream().map(Alert::eventTime).toList(), "three episodes of G1");

        harness.close();
        open();
        // BATCH: everything arrives in any order, then the watermark jumps to the end; timers registered from
        // now on would be ignored, so every deadline must already have its timer
        for (int i : new int[] {5, 2, 0, 3, 4, 1}) {
            send(inEventTimeOrder[i]);
        }
        harness.processWatermark(Long.MAX_VALUE);
        assertEquals(streamed, alerts().stream().map(Alert::alertId).sorted().toList());
    }

    @Test
    void stateIsBoundedByTheDistrict_andNoTimerIsLeftOnceEveryGridIsSilent() throws Exception {
        for (int d = 0; d < 10; d++) {
            send(patrol("R-G1-" + d, G1, day(d, "08:00")), patrol("R-G2-" + d, G2, day(d, "09:00")));
            watermark(day(d, "08:30"));
        }
        assertTrue(harness.numEventTimeTimers() > 0, "deadlines ahead");
        watermark(day(13, "09:00"));
        assertEquals(GRIDS, alerts().size(), "every grid went silent once");
        // what remains: the stream's start and one silence per grid of the district (one map)
        assertEquals(2, harness.numKeyedStateEntries(), "no patrol buffer or deadline index left behind");
        assertEquals(0, harness.numEventTimeTimers(), "timers left behind");
    }
}
