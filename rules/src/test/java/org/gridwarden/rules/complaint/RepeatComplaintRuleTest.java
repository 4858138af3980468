package org.gridwarden.rules.complaint;

import static org.gridwarden.rules.testing.ComplaintCases.ILLEGAL_WIRING;
import static org.gridwarden.rules.testing.ComplaintCases.NOISE;
import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.testing.ComplaintCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repeat-complaint CEP rule on a MiniCluster, once in STREAMING and once in BATCH mode over the same
 * complaints; each test looks at the subjects it is about, in both runs.
 */
class RepeatComplaintRuleTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant T = beijing("2026-11-16T09:00");
    private static final Duration DAY = Duration.ofDays(1);

    private static List<Alert> streaming;
    private static List<Alert> batch;

    @BeforeAll
    static void run() throws Exception {
        List<LedgerEvent> events = new ArrayList<>();
        // P1: three in two days, a fourth an hour later, then two more: the 6th makes three new ones
        add(events, "P1", "A", T, T.plus(DAY), T.plus(DAY.multipliedBy(2)), T.plus(DAY.multipliedBy(2)).plusSeconds(3600),
                T.plus(DAY.multipliedBy(3)), T.plus(DAY.multipliedBy(4)));
        add(events, "P2", "B", T, T.plus(DAY));
        // P3: 31 days first to last is too long; the next three span exactly 30 days
        add(events, "P3", "C", T, T.plus(DAY.multipliedBy(20)), T.plus(DAY.multipliedBy(31)), T.plus(DAY.multipliedBy(50)));
        // P4: two fire categories are one family; P5: the middle one is about noise
        events.add(complaint("D1", T).by("P4").event());
        events.add(complaint("D2", T.plus(DAY)).by("P4").category(ILLEGAL_WIRING).event());
        events.add(complaint("D3", T.plus(DAY.multipliedBy(2))).by("P4").event());
        events.add(complaint("E1", T).by("P5").event());
        events.add(complaint("E2", T.plus(DAY)).by("P5").category(NOISE).event());
        events.add(complaint("E3", T.plus(DAY.multipliedBy(2))).by("P5").event());
        // three different people about one building, unsafe food: first tier is the district department
        for (int i = 1; i <= 3; i++) {
            events.add(complaint("F" + i, T.plus(DAY.multipliedBy(i))).by("Q" + i).building("S01C01G02-B05")
                    .grid(ComplaintCases.GRID_2).category("market.unsafe_food").via(Channel.APP).event());
        }
        // three anonymous complaints, the address typed three ways
        String[] addresses = {"湖滨路12号3栋", "  湖滨路１２号３栋 ", "湖滨路12号3栋\u3000"};
        for (int i = 0; i < 3; i++) {
            events.add(complaint("G" + i, T.plus(DAY.multipliedBy(i))).address(addresses[i])
                    .category("sanitation.garbage_overflow").via(Channel.WINDOW).event());
        }
        // grid workers' own cases are not complaints
        for (int i = 0; i < 3; i++) {
            events.add(complaint("H" + i, T.plus(DAY.multipliedBy(i))).by("P9").via(Channel.GRID).event());
        }
        events.sort(Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId));
        // P10: three complaints minutes apart, arriving newest first (within the allowed lateness)
        Instant late = T.plus(DAY.multipliedBy(60));
        events.add(complaint("J3", late.plusSeconds(360)).by("P10").event());
        events.add(complaint("J2", late.plusSeconds(180)).by("P10").event());
        events.add(complaint("J1", late).by("P10").event());

        streaming = ComplaintCases.run(RuntimeExecutionMode.STREAMING, events, ComplaintCases.alone(RuleFamily.REPEAT_COMPLAINT));
        batch = ComplaintCases.run(RuntimeExecutionMode.BATCH, events, ComplaintCases.alone(RuleFamily.REPEAT_COMPLAINT));
    }

    private static void add(List<LedgerEvent> events, String person, String prefix, Instant... times) {
        for (int i = 0; i < times.length; i++) {
            events.add(complaint(prefix + (i + 1), times[i]).by(person).event());
        }
    }

    private static List<Alert> about(List<Alert> alerts, String subjectKey) {
        return alerts.stream().filter(a -> a.subjectKey().equals(subjectKey)).toList();
    }

    private static String keys(List<Alert> alerts) {
        return alerts.stream().map(a -> a.subjectKey() + "@" + a.eventTime()).toList().toString();
    }

    private static void eachMode(java.util.function.Consumer<List<Alert>> check) {
        check.accept(streaming);
        check.accept(batch);
    }

    @Test
    void streamingAndBatch_raiseTheSameAlertIds() {
        assertEquals(streaming.stream().map(Alert::alertId).toList(), batch.stream().map(Alert::alertId).toList());
        assertEquals(7, streaming.size(), keys(streaming));
    }

    @Test
    void thirdComplaintWithinTheWindow_raisesOneWarningWithAllThreeCases_toTheFirstTierDepartment() {
        eachMode(alerts -> {
            Alert a = about(alerts, "complainant:P1|fire").get(0);
            assertEquals("REPEAT_COMPLAINT", a.ruleId());
            assertEquals(AlertLevel.WARNING, a.level());
            assertEquals(T.plus(DAY.multipliedBy(2)), a.eventTime());
            assertEquals(List.of("A1-created", "A2-created", "A3-created"), a.evidence());
            assertEquals("street-donghu", a.department());
            assertEquals("A3", a.caseId());
            assertTrue(a.message().contains("A1、A2、A3") && a.message().contains("3次"), a.message());
        });
    }

    @Test
    void countingRestartsAfterAnAlert_soTheFourthRaisesNothing_andTheSixthRaisesAgain() {
        eachMode(alerts -> {
            List<Alert> p1 = about(alerts, "complainant:P1|fire");
            assertEquals(2, p1.size(), keys(p1));
            assertEquals(List.of("A4-created", "A5-created", "A6-created"), p1.get(1).evidence());
        });
    }

    @Test
    void twoComplaints_raiseNothing() {
        eachMode(alerts -> assertEquals(List.of(), about(alerts, "complainant:P2|fire")));
    }

    @Test
    void threeComplaintsSpreadOverMoreThanTheWindow_raiseNothing_butASpanOfExactlyTheWindowDoes() {
        eachMode(alerts -> {
            List<Alert> p3 = about(alerts, "complainant:P3|fire");
            assertEquals(1, p3.size(), keys(p3));
            assertEquals(List.of("C2-created", "C3-created", "C4-created"), p3.get(0).evidence());
        });
    }

    @Test
    void categoriesOfOneFamilyCount_together_butAnotherFamilyDoesNot() {
        eachMode(alerts -> {
            assertEquals(1, about(alerts, "complainant:P4|fire").size());
            assertEquals(List.of(), about(alerts, "complainant:P5|fire"));
        });
    }

    @Test
    void differentPeopleAboutOneBuilding_raiseABuildingAlert_routedToTheDistrictDepartment() {
        eachMode(alerts -> {
            List<Alert> building = about(alerts, "building:S01C01G02-B05|market");
            assertEquals(1, building.size(), keys(alerts));
            assertEquals("market-regulation", building.get(0).department());
            assertEquals(List.of(), about(alerts, "complainant:Q3|market"));
        });
    }

    @Test
    void oneAddressTypedThreeWays_isOneSubject() {
        eachMode(alerts -> assertEquals(1, about(alerts, "address:湖滨路12号3栋|sanitation").size(), keys(alerts)));
    }

    @Test
    void casesFromTheGridChannel_areNotComplaints() {
        eachMode(alerts -> assertEquals(List.of(), about(alerts, "complainant:P9|fire")));
    }

    @Test
    void complaintsArrivingOutOfOrder_matchInEventTimeOrder() {
        eachMode(alerts -> {
            List<Alert> p10 = about(alerts, "complainant:P10|fire");
            assertEquals(1, p10.size(), keys(p10));
            assertEquals(List.of("J1-created", "J2-created", "J3-created"), p10.get(0).evidence());
        });
    }
}
