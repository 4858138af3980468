package org.gridwarden.rules.overdue;

import static org.gridwarden.rules.model.LedgerEventType.ACCEPTED;
import static org.gridwarden.rules.model.LedgerEventType.REOPENED;
import static org.gridwarden.rules.model.LedgerEventType.RESUMED;
import static org.gridwarden.rules.model.LedgerEventType.SUSPENDED;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.Ledger.assigned;
import static org.gridwarden.rules.testing.Ledger.closed;
import static org.gridwarden.rules.testing.Ledger.created;
import static org.gridwarden.rules.testing.Ledger.event;
import static org.gridwarden.rules.testing.Ledger.extended;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Harnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the overdue rule through Flink's operator harness: which alerts, to which department,
 * at what event time; none where none is due; and no state or timer left once a case is over.
 */
class OverdueCaseRuleTest {

    /** STANDARD class: 5 working days (NORMAL), 2 working days (URGENT); first tier the street office. */
    private static final String GARBAGE = "sanitation.garbage_overflow";
    /** IMMEDIATE class: 2 hours when URGENT, in calendar time. */
    private static final String GAS_LEAK = "gas.leak";
    private static final String STREET_OFFICE = "street-donghu";
    private static final String URBAN_MANAGEMENT = "urban-management";
    private static final String SUPERVISION = "supervision-office";

    private static final Instant FRIDAY_BEFORE_SPRING_FESTIVAL = beijing("2026-02-13T10:00");
    private static final Instant MONDAY_BEFORE_NATIONAL_DAY = beijing("2026-09-28T09:00");

    private KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.byCase(new OverdueCaseRule(Fixtures.overdueLogic()));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(LedgerEvent... events) throws Exception {
        for (LedgerEvent e : events) {
            harness.processElement(e, e.at().toEpochMilli());
        }
    }

    private void watermark(Instant t) throws Exception {
        harness.processWatermark(t.toEpochMilli());
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private void assertAlert(Alert a, String ruleId, AlertLevel level, String department, Instant eventTime) {
        assertEquals(ruleId, a.ruleId(), "rule of " + a);
        assertEquals(level, a.level(), "level of " + a);
        assertEquals(department, a.department(), "department of " + a);
        assertEquals(eventTime, a.eventTime(), "event time of " + a);
    }


    @Test
    void warningOverdueAndEscalation_fireOnTheWorkingDayCalendar_whenNoEventArrives() throws Exception {
        send(created("C1", FRIDAY_BEFORE_SPRING_FESTIVAL, GARBAGE, Priority.NORMAL));
        watermark(beijing("2026-02-26T21:11"));
        assertEquals(List.of(), alerts(), "nothing is due before 80% of the working time");

        watermark(beijing("2026-03-31T00:00"));
        List<Alert> alerts = alerts();
        assertEquals(3, alerts.size(), alerts.toString());
        // 134 h of working time (rest of Feb 13 + 5 days); 80% is used up on Feb 26 at 21:12
        assertAlert(alerts.get(0), "OVERDUE_CASE", AlertLevel.WARNING, STREET_OFFICE, beijing("2026-02-26T21:12"));
        // due at the end of Feb 27: Feb 14 (make-up Saturday), then Feb 24-27 after the holiday
        assertAlert(alerts.get(1), "OVERDUE_CASE", AlertLevel.OVERDUE, STREET_OFFICE, beijing("2026-02-28T00:00"));
        // one working day later: Saturday Feb 28 is a make-up working day; escalated from street to district
        assertAlert(alerts.get(2), "OVERDUE_CASE", AlertLevel.ESCALATED, URBAN_MANAGEMENT, beijing("2026-03-01T00:00"));
        Alert overdue = alerts.get(1);
        assertEquals(beijing("2026-02-28T00:00"), overdue.deadline());
        assertEquals(List.of("C1-created"), overdue.evidence());
        assertEquals("S01C01G01", overdue.gridId());
        assertEquals("S01", overdue.streetId());
        assertEquals("STREET", overdue.departmentTier());
        assertEquals("2026.11-1", overdue.ruleSetVersion());
        assertTrue(overdue.title().startsWith("案件超期"), overdue.title());
    }

    @Test
    void inABoundedRunWithAHorizon_deadlinesAfterItAreMarkedButNotWritten_andCounted() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        Instant horizon = beijing("2026-11-20T10:59");
        OverdueCaseRule cut = new OverdueCaseRule(new OverdueCaseLogic(
                RuleContext.of(Fixtures.reference(), Fixtures.ruleSet()).withHorizon(horizon)));
        try (KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Alert> bounded =
                Harnesses.byCase(cut)) {
            for (LedgerEvent e : List.of(created("C14", t, GAS_LEAK, Priority.URGENT),
                    created("C15", t, GAS_LEAK, Priority.URGENT), closed("C15", beijing("2026-11-20T10:50")))) {
                bounded.processElement(e, e.at().toEpochMilli());
                harness.processElement(e, e.at().toEpochMilli());
            }
            bounded.processWatermark(Long.MAX_VALUE);
            harness.processWatermark(Long.MAX_VALUE);

            List<Alert> all = alerts();
            List<Alert> upToHorizon = all.stream().filter(a -> !a.eventTime().isAfter(horizon)).toList();
            assertEquals(List.of("C14 WARNING", "C15 WARNING"),
                    upToHorizon.stream().map(a -> a.caseId() + " " + a.level()).toList());
            assertEquals(upToHorizon, bounded.extractOutputValues(), "the same alerts up to the horizon");
            LongCounter after = (LongCounter) bounded.getEnvironment().getAccumulatorRegistry().getUserMap()
                    .get(AlertFactory.AFTER_HORIZON);
            assertEquals(all.size() - upToHorizon.size(), after.getLocalValue(), "C14's OVERDUE and ESCALATED");
            Harnesses.assertForgotten(bounded);
        }
    }

    @Test
    void inABoundedRunThatLearnsItsHorizon_deadlinesAfterTheNewestEventReadAreNotWritten_andCounted()
            throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        Instant newest = beijing("2026-11-20T10:59");
        try (KeyedBroadcastOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Reading, Alert> bounded =
                Harnesses.byCaseUpToNewestEvent(2, new OverdueCaseRule(Fixtures.overdueLogic()))) {
            // two reading operators, the second with two tasks: the bound is known once all three have read
            bounded.processBroadcastElement(new Reading("ledger", 0, 1, newest.toEpochMilli()), 0);
            bounded.processBroadcastElement(new Reading("reports", 0, 2, newest.minusSeconds(60).toEpochMilli()), 0);
            bounded.processBroadcastElement(new Reading("reports", 1, 2, Long.MIN_VALUE), 0);
            for (LedgerEvent e : List.of(created("C14", t, GAS_LEAK, Priority.URGENT),
                    created("C15", t, GAS_LEAK, Priority.URGENT), closed("C15", beijing("2026-11-20T10:50")))) {
                bounded.processElement(e, e.at().toEpochMilli());
                harness.processElement(e, e.at().toEpochMilli());
            }
            bounded.watermark(Long.MAX_VALUE);
            harness.processWatermark(Long.MAX_VALUE);

            List<Alert> all = alerts();
            List<Alert> upToNewest = all.stream().filter(a -> !a.eventTime().isAfter(newest)).toList();
            assertEquals(List.of("C14 WARNING", "C15 WARNING"),
                    upToNewest.stream().map(a -> a.caseId() + " " + a.level()).toList());
            assertEquals(upToNewest, bounded.extractOutputValues(), "the same alerts up to the newest event");
            LongCounter after = (LongCounter) bounded.getEnvironment().getAccumulatorRegistry().getUserMap()
                    .get(AlertFactory.AFTER_HORIZON);
            assertEquals(all.size() - upToNewest.size(), after.getLocalValue(), "C14's OVERDUE and ESCALATED");
        }
    }

    @Test
    void inABoundedRunThatLearnsItsHorizon_everyDeadlineFires_whileATaskHasNotSentItsReading() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        try (KeyedBroadcastOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Reading, Alert> bounded =
                Harnesses.byCaseUpToNewestEvent(2, new OverdueCaseRule(Fixtures.overdueLogic()))) {
            bounded.processBroadcastElement(new Reading("ledger", 0, 1, t.toEpochMilli()), 0);
            LedgerEvent created = created("C14", t, GAS_LEAK, Priority.URGENT);
            bounded.processElement(created, t.toEpochMilli());
            harness.processElement(created, t.toEpochMilli());
            bounded.watermark(Long.MAX_VALUE);
            harness.processWatermark(Long.MAX_VALUE);

            assertEquals(alerts(), bounded.extractOutputValues(), "no bound yet: every deadline is raised");
            assertEquals(3, bounded.extractOutputValues().size());
        }
    }

    @Test
    void endOfInput_raisesEveryRemainingDeadlineInOrder_butNotPastALaterBufferedClose() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(created("C14", t, GAS_LEAK, Priority.URGENT), created("C15", t, GAS_LEAK, Priority.URGENT),
                closed("C15", beijing("2026-11-20T10:50")));
        harness.processWatermark(Long.MAX_VALUE);
        List<String> raised = alerts().stream().map(a -> a.caseId() + " " + a.level()).toList();
        assertEquals(List.of("C14 WARNING", "C14 OVERDUE", "C14 ESCALATED"),
                raised.stream().filter(r -> r.startsWith("C14")).toList());
        assertEquals(List.of("C15 WARNING"), raised.stream().filter(r -> r.startsWith("C15")).toList());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void escalationFromADistrictDepartment_goesToTheSupervisionOffice() throws Exception {
        Instant t = beijing("2026-11-16T09:00");
        send(created("C2", t, GARBAGE, Priority.URGENT), assigned("C2", t.plusSeconds(600), URBAN_MANAGEMENT),
                event("C2", ACCEPTED, t.plusSeconds(1200)));
        watermark(beijing("2026-12-31T00:00"));
        List<Alert> alerts = alerts();
        assertEquals(3, alerts.size(), alerts.toString());
        assertAlert(alerts.get(1), "OVERDUE_CASE", AlertLevel.OVERDUE, URBAN_MANAGEMENT, beijing("2026-11-19T00:00"));
        assertAlert(alerts.get(2), "OVERDUE_CASE", AlertLevel.ESCALATED, SUPERVISION, beijing("2026-11-20T00:00"));
    }

    @Test
    void suspensionAcrossTheNationalDayHolidayAndAWeekend_pausesTheWorkingClock() throws Exception {
        send(created("C3", MONDAY_BEFORE_NATIONAL_DAY, GARBAGE, Priority.NORMAL),
                event("C3", SUSPENDED, beijing("2026-09-29T12:00")),
                event("C3", RESUMED, beijing("2026-10-08T12:00")));
        watermark(beijing("2026-10-13T23:59"));
        List<Alert> alerts = alerts();
        // without the pause the case was due at the end of Oct 10 (a make-up Saturday), warned on Oct 9 21:00
        assertEquals(1, alerts.size(), alerts.toString());
        // 81 h of working time were left to the warning; Sunday Oct 11 does not count
        assertAlert(alerts.get(0), "OVERDUE_CASE", AlertLevel.WARNING, STREET_OFFICE, beijing("2026-10-12T21:00"));
        watermark(beijing("2026-10-14T00:00"));
        assertAlert(alerts().get(1), "OVERDUE_CASE", AlertLevel.OVERDUE, STREET_OFFICE, beijing("2026-10-14T00:00"));
    }

    @Test
    void extensionAfterTheWarning_movesTheDeadlineAndRearmsEveryLevel() throws Exception {
        send(created("C4", beijing("2026-03-02T09:00"), GARBAGE, Priority.URGENT),
                extended("C4", beijing("2026-03-04T15:00"), beijing("2026-03-10T18:00")),
                closed("C4", beijing("2026-03-11T10:00")));
        watermark(beijing("2026-06-30T00:00"));
        List<Alert> alerts = alerts();
        assertEquals(3, alerts.size(), alerts.toString());
        assertAlert(alerts.get(0), "OVERDUE_CASE", AlertLevel.WARNING, STREET_OFFICE, beijing("2026-03-04T11:24"));
        // the new version warns at 80% of the working time from the extension to the new deadline
        assertAlert(alerts.get(1), "OVERDUE_CASE", AlertLevel.WARNING, STREET_OFFICE, beijing("2026-03-09T22:12"));
        assertAlert(alerts.get(2), "OVERDUE_CASE", AlertLevel.OVERDUE, STREET_OFFICE, beijing("2026-03-10T18:00"));
        assertTrue(alerts.get(2).evidence().contains("C4-extended-" + beijing("2026-03-04T15:00").getEpochSecond()));
        assertEquals(3, alerts.stream().map(Alert::alertId).distinct().count(), "one id per level and version");
        Harnesses.assertForgotten(harness);
    }

    @Test
    void closeBeforeTheWarning_raisesNothing_andForgetsTheCase() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(created("C5", t, GAS_LEAK, Priority.URGENT), closed("C5", t.plus(Duration.ofMinutes(60))));
        watermark(t.plus(Duration.ofDays(400)));
        assertEquals(List.of(), alerts());
        Harnesses.assertForgotten(harness);
    }

    @Test
    void reopenAfterClose_restartsTheClockFromTheReopening() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(created("C6", t, GAS_LEAK, Priority.URGENT), closed("C6", beijing("2026-11-20T10:00")),
                event("C6", REOPENED, beijing("2026-11-20T14:00")), closed("C6", beijing("2026-11-20T17:00")));
        watermark(beijing("2026-11-30T00:00"));
        List<Alert> alerts = alerts();
        assertEquals(2, alerts.size(), alerts.toString());
        assertAlert(alerts.get(0), "OVERDUE_CASE", AlertLevel.WARNING, STREET_OFFICE, beijing("2026-11-20T15:36"));
        assertAlert(alerts.get(1), "OVERDUE_CASE", AlertLevel.OVERDUE, STREET_OFFICE, beijing("2026-11-20T16:00"));
        watermark(beijing("2027-01-01T00:00"));
        Harnesses.assertForgotten(harness);
    }

    @Test
    void closedArrivingBeforeCreated_raisesNothing() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(closed("C7", t.plus(Duration.ofMinutes(30))), created("C7", t, GAS_LEAK, Priority.URGENT));
        watermark(t.plus(Duration.ofDays(3)));
        assertEquals(List.of(), alerts());
        watermark(t.plus(Duration.ofDays(60)));
        Harnesses.assertForgotten(harness);
    }

    @Test
    void closedExactlyAtTheDeadline_isInTime() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(created("C8", t, GAS_LEAK, Priority.URGENT), closed("C8", t.plus(Duration.ofHours(2))));
        watermark(t.plus(Duration.ofDays(3)));
        List<Alert> alerts = alerts();
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(AlertLevel.WARNING, alerts.get(0).level());
    }

    @Test
    void explicitDueAt_overridesTheTimeLimit() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(created("C9", t, GARBAGE, Priority.NORMAL, org.gridwarden.rules.model.Channel.WINDOW,
                beijing("2026-11-20T19:00")));
        watermark(beijing("2026-11-20T19:00"));
        List<Alert> alerts = alerts();
        assertEquals(2, alerts.size(), alerts.toString());
        assertAlert(alerts.get(1), "OVERDUE_CASE", AlertLevel.OVERDUE, STREET_OFFICE, beijing("2026-11-20T19:00"));
    }

    @Test
    void caseWithNoDeadline_raisesNoDeadlineAlert_evenOpenForMonthsOrReopened() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        LedgerEvent c = created("C12", t, GAS_LEAK, Priority.URGENT);
        send(new LedgerEvent(c.eventId(), c.caseId(), c.type(), c.at(), c.channel(), c.category(), c.gridId(),
                c.buildingId(), c.address(), c.complainantId(), c.priority(), null, null, null, null, null, true),
                created("C13", t, GAS_LEAK, Priority.URGENT));
        watermark(beijing("2027-02-01T00:00"));
        assertEquals(List.of("C13"), alerts().stream().map(Alert::caseId).distinct().toList(),
                "the same case with the rule set's 2 hours is overdue; the one without a deadline is not");
        send(closed("C12", beijing("2027-02-01T10:00")), event("C12", REOPENED, beijing("2027-02-01T11:00")));
        watermark(beijing("2027-03-01T00:00"));
        assertEquals(List.of("C13"), alerts().stream().map(Alert::caseId).distinct().toList());
    }

    @Test
    void dispatchNotSignedForWithinTheLimit_raisesSignForTimeoutToTheAssignedDepartment() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(created("C10", t, GARBAGE, Priority.NORMAL), assigned("C10", beijing("2026-11-20T09:30"), URBAN_MANAGEMENT),
                created("C11", t, GARBAGE, Priority.NORMAL), assigned("C11", beijing("2026-11-20T09:30"), URBAN_MANAGEMENT),
                event("C11", ACCEPTED, beijing("2026-11-20T11:29")));
        watermark(beijing("2026-11-20T12:00"));
        List<Alert> alerts = alerts();
        assertEquals(1, alerts.size(), alerts.toString());
        assertAlert(alerts.get(0), "SIGN_FOR_TIMEOUT", AlertLevel.WARNING, URBAN_MANAGEMENT, beijing("2026-11-20T11:30"));
        assertEquals("C10", alerts.get(0).caseId());
    }

    @Test
    void eventsOutOfOrderWithinTheLateness_giveTheSameAlertsAsInOrder() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(event("C12", RESUMED, beijing("2026-11-20T10:30")), event("C12", SUSPENDED, beijing("2026-11-20T09:30")),
                created("C12", t, GAS_LEAK, Priority.URGENT));
        watermark(beijing("2026-11-21T00:00"));
        List<Alert> alerts = alerts();
        assertEquals(2, alerts.size(), alerts.toString());
        // 2 h limit, paused for one hour: warning at 11:36, overdue at 12:00
        assertAlert(alerts.get(0), "OVERDUE_CASE", AlertLevel.WARNING, STREET_OFFICE, beijing("2026-11-20T11:36"));
        assertAlert(alerts.get(1), "OVERDUE_CASE", AlertLevel.OVERDUE, STREET_OFFICE, beijing("2026-11-20T12:00"));
    }

    @Test
    void replayedDuplicateEvent_changesNothing() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        LedgerEvent created = created("C13", t, GAS_LEAK, Priority.URGENT);
        send(created, created, closed("C13", t.plus(Duration.ofMinutes(100))));
        watermark(t.plus(Duration.ofDays(3)));
        List<Alert> alerts = alerts();
        assertEquals(1, alerts.size(), "one warning, not two: " + alerts);
    }
}
