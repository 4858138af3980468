package org.gridwarden.rules.complaint;

import static org.gridwarden.rules.testing.ComplaintCases.NOISE;
import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.Ledger.assigned;
import static org.gridwarden.rules.testing.Ledger.closed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.testing.ComplaintCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three wired stages of 案结事不了 on a MiniCluster, once in STREAMING and once in BATCH mode over the same
 * ledger; each test looks at the closed cases it is about, in both runs.
 */
class ComplaintAfterClosureRuleTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant T = beijing("2026-11-16T09:00");
    private static final Duration WINDOW = Duration.ofDays(15);
    private static final String B1 = "S01C01G01-B03";

    private static List<Alert> streaming;
    private static List<Alert> batch;

    @BeforeAll
    static void run() throws Exception {
        List<LedgerEvent> events = new ArrayList<>();
        // K1: re-dispatched before the close and once more after it; the same person about the same building
        // complains again next day (two subjects, one alert) and once more the day after (no second alert)
        events.add(complaint("K1", T).by("P1").building(B1).event());
        events.add(assigned("K1", T.plusSeconds(600), "emergency"));
        events.add(assigned("K1", T.plusSeconds(3600), "street-donghu"));
        events.add(closed("K1", T.plusSeconds(7200)));
        events.add(assigned("K1", T.plusSeconds(10800), "urban-management"));
        events.add(complaint("K2", T.plus(Duration.ofDays(1))).by("P1").building(B1).event());
        events.add(complaint("K3", T.plus(Duration.ofDays(2))).by("P1").building(B1).event());
        // L1 (never dispatched, unsafe food: first tier is the district department): P2 comes back one minute
        // too late; M1: P3 comes back exactly at the end of the window
        Instant lClosed = T.plusSeconds(3600);
        events.add(complaint("L1", T).by("P2").category("market.unsafe_food").event());
        events.add(closed("L1", lClosed));
        events.add(complaint("L2", lClosed.plus(WINDOW).plusSeconds(60)).by("P2").category("market.unsafe_food").event());
        events.add(complaint("M1", T).by("P3").category("market.unsafe_food").event());
        events.add(closed("M1", lClosed));
        events.add(complaint("M2", lClosed.plus(WINDOW)).by("P3").category("market.consumer_complaint").event());
        // N1: P4 complains again, but about another family
        events.add(complaint("N1", T).by("P4").event());
        events.add(closed("N1", T.plusSeconds(3600)));
        events.add(complaint("N2", T.plus(Duration.ofDays(3))).by("P4").category(NOISE).event());
        events.sort(Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId));
        // Q1 arrives backwards within the allowed lateness: CLOSED, then the ASSIGNED before it, then CREATED
        Instant q = T.plus(Duration.ofDays(30));
        events.add(closed("Q1", q.plusSeconds(300)));
        events.add(assigned("Q1", q.plusSeconds(120), "housing"));
        events.add(complaint("Q1", q).by("P5").category("building.property_service").event());
        events.add(complaint("Q2", q.plusSeconds(3600)).by("P5").category("building.property_service").event());

        streaming = ComplaintCases.run(RuntimeExecutionMode.STREAMING, events, ComplaintCases.alone(RuleFamily.COMPLAINT_AFTER_CLOSURE));
        batch = ComplaintCases.run(RuntimeExecutionMode.BATCH, events, ComplaintCases.alone(RuleFamily.COMPLAINT_AFTER_CLOSURE));
    }


    private static List<Alert> about(List<Alert> alerts, String closedCase) {
        return alerts.stream().filter(a -> a.caseId().equals(closedCase)).toList();
    }

    private static String keys(List<Alert> alerts) {
        return alerts.stream().map(a -> a.caseId() + " " + a.subjectKey() + "@" + a.eventTime()).toList().toString();
    }

    private static void eachMode(Consumer<List<Alert>> check) {
        check.accept(streaming);
        check.accept(batch);
    }

    @Test
    void streamingAndBatch_raiseTheSameAlertIds() {
        assertEquals(streaming.stream().map(Alert::alertId).toList(), batch.stream().map(Alert::alertId).toList());
        assertEquals(3, streaming.size(), keys(streaming));
    }

    @Test
    void complaintAfterAClose_alertsTheDepartmentThatClosedIt_oncePerClosedCase() {
        eachMode(alerts -> {
            List<Alert> k1 = about(alerts, "K1");
            assertEquals(1, k1.size(), "one alert although the complaint shares complainant and building: " + keys(alerts));
            Alert a = k1.get(0);
            assertEquals("COMPLAINT_AFTER_CLOSURE", a.ruleId());
            assertEquals(AlertLevel.WARNING, a.level());
            assertEquals("street-donghu", a.department(), "the latest dispatch before the close");
            assertEquals(T.plus(Duration.ofDays(1)), a.eventTime(), "the first complaint after the close");
            assertEquals(List.of("K1-closed-" + T.plusSeconds(7200).getEpochSecond(), "K2-created"), a.evidence());
            assertEquals("building:" + B1 + "|fire", a.subjectKey(), "the first subject in a fixed order");
            assertTrue(a.message().contains("K1") && a.message().contains("K2"), a.message());
        });
    }

    @Test
    void neverDispatchedCase_goesToTheCategorysFirstTierDepartment_andTheWindowsLastInstantStillCounts() {
        eachMode(alerts -> {
            List<Alert> m1 = about(alerts, "M1");
            assertEquals(1, m1.size(), keys(alerts));
            assertEquals("market-regulation", m1.get(0).department());
            assertEquals("complainant:P3|market", m1.get(0).subjectKey());
        });
    }

    @Test
    void complaintAfterTheWindow_raisesNothing() {
        eachMode(alerts -> assertEquals(List.of(), about(alerts, "L1")));
    }

    @Test
    void complaintOfAnotherFamily_raisesNothing() {
        eachMode(alerts -> assertEquals(List.of(), about(alerts, "N1")));
    }

    @Test
    void eventsOfTheClosedCaseArrivingBackwards_stillFindItsSubjectAndDepartment() {
        eachMode(alerts -> {
            List<Alert> q1 = about(alerts, "Q1");
            assertEquals(1, q1.size(), keys(alerts));
            assertEquals("housing", q1.get(0).department());
        });
    }
}
