package org.gridwarden.rules.complaint;

import org.apache.flink.api.java.tuple.Tuple2;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.testing.Harnesses;
import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.testing.ComplaintCases;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The surge rule through the operator harness (episodes, state clean-up) and once on a MiniCluster. */
class ComplaintSurgeRuleTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant T = beijing("2026-11-16T19:00");
    private static final String HUBIN_FIRE = "community:S01C01|fire";

    private final RuleContext ctx = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());
    private KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, SubjectComplaint, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ComplaintSurgeRule(ctx), ComplaintSurgeRule.KEY, IdKey.TYPE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** {@code n} complaints from people {@code P<first>...}, every {@code step} from {@code start}. */
    private static List<LedgerEvent> wave(String prefix, Instant start, Duration step, int n, int first) {
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(complaint(prefix + i, start.plus(step.multipliedBy(i))).by("P" + (first + i))
                    .grid(i % 2 == 0 ? ComplaintCases.GRID : ComplaintCases.GRID_2).via(Channel.APP).event());
        }
        return events;
    }

    private void send(List<LedgerEvent> events) throws Exception {
        CommunityComplaints toCommunity = new CommunityComplaints(ctx);
        for (LedgerEvent e : events) {
            List<SubjectComplaint> keyed = new ArrayList<>();
            toCommunity.flatMap(e, new org.apache.flink.api.common.functions.util.ListCollector<>(keyed));
            for (SubjectComplaint c : keyed) {
                harness.processElement(c, e.at().toEpochMilli());
            }
        }
    }

    private void watermark(Instant t) throws Exception {
        harness.processWatermark(t.toEpochMilli());
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }


    @Test
    void tenPeopleWithinAnHour_raiseOneCriticalAlertEachToTheStreetOfficeAndPublicSecurity() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(5), 10, 1);
        send(events);
        watermark(T.plus(Duration.ofMinutes(44)));
        assertEquals(List.of(), alerts(), "nine people so far");
        watermark(T.plus(Duration.ofMinutes(45)));
        List<Alert> alerts = alerts();
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals(List.of("street-donghu", "public-security"), alerts.stream().map(Alert::department).toList());
        for (Alert a : alerts) {
            assertEquals("COMPLAINT_SURGE", a.ruleId());
            assertEquals(AlertLevel.CRITICAL, a.level());
            assertEquals(HUBIN_FIRE, a.subjectKey());
            assertEquals(T.plus(Duration.ofMinutes(45)), a.eventTime());
            assertEquals(events.stream().map(LedgerEvent::eventId).toList(), a.evidence());
            assertEquals("S01C01", a.communityId());
        }
        assertTrue(!alerts.get(0).alertId().equals(alerts.get(1).alertId()), "one id per department");
        watermark(T.plus(Duration.ofHours(3)));
        Harnesses.assertForgotten(harness);
    }

    @Test
    void tenComplaintsFromOnlyNinePeople_raiseNothing() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(5), 9, 1);
        events.add(complaint("S9", T.plus(Duration.ofMinutes(50))).by("P1").event());
        send(events);
        watermark(T.plus(Duration.ofHours(3)));
        assertEquals(List.of(), alerts());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void anonymousComplaints_doNotCountAsPeople() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(5), 9, 1);
        for (int i = 0; i < 3; i++) {
            events.add(complaint("A" + i, T.plus(Duration.ofMinutes(50 + i))).event());
        }
        send(events);
        watermark(T.plus(Duration.ofHours(3)));
        assertEquals(List.of(), alerts());
    }

    @Test
    void tenPeopleSpreadOverMoreThanAnHour_raiseNothing() throws Exception {
        send(wave("S", T, Duration.ofMinutes(7), 10, 1)); // 63 minutes first to last
        watermark(T.plus(Duration.ofHours(3)));
        assertEquals(List.of(), alerts());
    }

    @Test
    void tenPeopleSpanningExactlyTheWindow_raise() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(5), 9, 1);
        events.add(complaint("S9", T.plus(Duration.ofMinutes(60))).by("P10").event());
        send(events);
        watermark(T.plus(Duration.ofHours(3)));
        assertEquals(2, alerts().size());
    }

    @Test
    void complaintsOfAnotherFamilyOrCommunity_doNotJoinTheSurge() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(5), 8, 1);
        events.add(complaint("N1", T.plus(Duration.ofMinutes(41))).by("P20").category(ComplaintCases.NOISE).event());
        events.add(complaint("O1", T.plus(Duration.ofMinutes(42))).by("P21")
                .grid(ComplaintCases.OTHER_COMMUNITY_GRID).event());
        send(events);
        watermark(T.plus(Duration.ofHours(3)));
        assertEquals(List.of(), alerts());
    }

    @Test
    void oneEpisode_alertsOnce_untilAWindowPassesWithFewerPeople_thenASecondSurgeAlertsAgain() throws Exception {
        // 10 people in 45 min, then 10 more arriving every 5 min keep the count at 10+: one episode
        List<LedgerEvent> events = new ArrayList<>(wave("S", T, Duration.ofMinutes(5), 20, 1));
        // the complaints stop at 20:35; the window empties of enough people, then a new wave an hour later
        events.addAll(wave("R", beijing("2026-11-16T22:00"), Duration.ofMinutes(1), 10, 1));
        send(events);
        watermark(beijing("2026-11-17T01:00"));
        List<Alert> alerts = alerts();
        assertEquals(4, alerts.size(), alerts.toString());
        assertEquals(T.plus(Duration.ofMinutes(45)), alerts.get(0).eventTime());
        assertEquals(beijing("2026-11-16T22:09"), alerts.get(2).eventTime());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void complaintsArrivingOutOfOrderOrAllAtEndOfInput_giveTheSameAlerts() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(1), 10, 1);
        send(events);
        watermark(T.plus(Duration.ofHours(3)));
        List<String> inOrder = alerts().stream().map(Alert::alertId).toList();
        harness.close();

        open();
        List<LedgerEvent> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled);
        send(shuffled);
        harness.processWatermark(Long.MAX_VALUE);
        assertEquals(inOrder, alerts().stream().map(Alert::alertId).toList());
        assertEquals(2, inOrder.size());
    }

    @Test
    void wiredJob_raisesTheSameAlertIdsInStreamingAndBatch() throws Exception {
        List<LedgerEvent> events = wave("S", T, Duration.ofMinutes(5), 12, 1);
        List<Alert> streaming = ComplaintCases.run(RuntimeExecutionMode.STREAMING, events, ComplaintSurgeRule::detect);
        List<Alert> batch = ComplaintCases.run(RuntimeExecutionMode.BATCH, events, ComplaintSurgeRule::detect);
        assertEquals(2, streaming.size(), streaming.toString());
        assertEquals(streaming.stream().map(Alert::alertId).toList(), batch.stream().map(Alert::alertId).toList());
    }
}
