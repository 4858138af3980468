package org.gridwarden.rules.ruleset;

import static org.gridwarden.rules.testing.ComplaintCases.BLOCKED_EXIT;
import static org.gridwarden.rules.testing.ComplaintCases.NOISE;
import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.overdue.CaseState;
import org.gridwarden.rules.overdue.OverdueCaseLogic;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.testing.ComplaintCases;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule sets in time and in scope: which parameters decide an event, and what survives a new version. */
class RuleSetsInTimeTest {

    private static final Instant SWITCH = beijing("2026-11-18T00:00");
    private static final RuleSet OLD = Fixtures.ruleSet();

    private static RuleSet newVersion(RuleSet changed) {
        return changed.asVersion("2026.11-2", SWITCH);
    }

    @Test
    void theVersionInForceAtAnEventsTimeDecides_andTheFirstCoversEarlierEvents() {
        RuleSet next = newVersion(OLD);
        RuleSetHistory history = RuleSetHistory.of(List.of(next, OLD));
        assertEquals(List.of("2026.11-1", "2026.11-2"), history.versions().stream().map(RuleSet::version).toList());
        assertEquals("2026.11-1", history.at(SWITCH.minusMillis(1)).version());
        assertEquals("2026.11-2", history.at(SWITCH).version());
        assertEquals("2026.11-1", history.at(Instant.parse("2020-01-01T00:00:00Z")).version());
    }

    @Test
    void anAmbiguousHistoryIsRefused() {
        RuleSetException sameStart = assertThrows(RuleSetException.class,
                () -> RuleSetHistory.of(List.of(OLD, OLD.asVersion("2026.11-2", OLD.effectiveFrom()))));
        assertEquals(List.of("versions 2026.11-1 and 2026.11-2 are both in force from " + OLD.effectiveFrom()
                + "; give the newer one a later effectiveFrom"), sameStart.problems());
        RuleSetException sameName = assertThrows(RuleSetException.class,
                () -> RuleSetHistory.of(List.of(OLD, OLD.asVersion("2026.11-1", SWITCH))));
        assertEquals(List.of("version 2026.11-1 is given twice; every version needs its own name"),
                sameName.problems());
    }

    @Test
    void aScopedEntryAboveTheGeneralOneDecidesItsEvents_andInheritsWhatItDoesNotName(@TempDir Path dir)
            throws Exception {
        String shipped = Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml"));
        String scoped = shipped.replace("  - id: repeat-complaint ", String.join("\n",
                "  - id: repeat-complaint-fire      # stricter for fire safety",
                "    rule: repeat-complaint",
                "    scope: {families: [fire]}",
                "    threshold: 2",
                "",
                "  - id: silent-grid-s02            # no silence alerts in street S02 for now",
                "    rule: silent-grid",
                "    scope: {streets: [S02]}",
                "    enabled: false",
                "",
                "  - id: repeat-complaint "));
        Path file = Files.writeString(dir.resolve("scoped.yaml"), scoped);
        RuleSetHistory history = RuleSetHistory.of(RuleSetLoader.load(file, Fixtures.reference()));
        Instant t = beijing("2026-11-18T09:00");

        RuleSetHistory.InForce<RepeatComplaintRules> fire = history.<RepeatComplaintRules>inForce(
                Fixtures.reference(), RuleFamily.REPEAT_COMPLAINT, t, ComplaintCases.GRID, BLOCKED_EXIT).orElseThrow();
        RuleSetHistory.InForce<RepeatComplaintRules> noise = history.<RepeatComplaintRules>inForce(
                Fixtures.reference(), RuleFamily.REPEAT_COMPLAINT, t, ComplaintCases.GRID, NOISE).orElseThrow();
        assertEquals("repeat-complaint-fire", fire.entryId());
        assertEquals(2, fire.parameters().threshold());
        assertEquals(OLD.repeatComplaint().window(), fire.parameters().window());
        assertEquals(OLD.repeatComplaint().channels(), fire.parameters().channels());
        assertEquals("repeat-complaint", noise.entryId());
        assertEquals(3, noise.parameters().threshold());

        assertTrue(history.inForce(Fixtures.reference(), RuleFamily.SILENT_GRID, t, "S02C01G01", null).isEmpty(),
                "the switched-off entry covers street S02");
        assertTrue(history.inForce(Fixtures.reference(), RuleFamily.SILENT_GRID, t, "S01C01G01", null).isPresent());
    }

    /** A count running across the switch survives it; the lower threshold applies from the switch on. */
    @Test
    void repeatedComplaints_countAcrossTheSwitch_andKeepTheEpisodesAlertId() throws Exception {
        RuleSet lower = newVersion(OLD.withParameters("repeat-complaint",
                new RepeatComplaintRules(true, 2, OLD.repeatComplaint().window(), OLD.repeatComplaint().channels())));
        List<LedgerEvent> complaints = List.of(
                complaint("K-1", SWITCH.minus(Duration.ofHours(2))).by("P1").event(),
                complaint("K-2", SWITCH.plus(Duration.ofHours(1))).by("P1").event(),
                complaint("K-3", SWITCH.plus(Duration.ofHours(2))).by("P1").event());

        List<Alert> underBoth = ComplaintCases.run(RuntimeExecutionMode.STREAMING, complaints,
                ComplaintCases.alone(RuleFamily.REPEAT_COMPLAINT), RuleContext.of(Fixtures.reference(), RuleSetHistory.of(List.of(OLD, lower))));
        List<Alert> underOld = ComplaintCases.run(RuntimeExecutionMode.STREAMING, complaints,
                ComplaintCases.alone(RuleFamily.REPEAT_COMPLAINT), RuleContext.of(Fixtures.reference(), OLD));

        assertEquals(1, underBoth.size(), "K-3 starts a new count, which needs two");
        Alert early = underBoth.get(0);
        assertEquals("2026.11-2", early.ruleSetVersion());
        assertEquals(List.of("K-1-created", "K-2-created"), early.evidence());
        assertEquals(SWITCH.plus(Duration.ofHours(1)), early.eventTime());

        assertEquals(1, underOld.size());
        Alert late = underOld.get(0);
        assertEquals("2026.11-1", late.ruleSetVersion());
        assertEquals(List.of("K-1-created", "K-2-created", "K-3-created"), late.evidence());
        assertEquals(late.alertId(), early.alertId(), "one episode, one alert id, whichever threshold flags it");
    }

    /** A case keeps the time limit in force when it was created; a case created after the switch gets the new one. */
    @Test
    void overdueCases_keepTheLimitOfTheirCreation() {
        Map<String, Map<Priority, TimeSpan>> oneHour = new java.util.TreeMap<>();
        OLD.overdue().timeLimits().keySet().forEach(cls -> oneHour.put(cls,
                Map.of(Priority.URGENT, TimeSpan.parse("1h"), Priority.NORMAL, TimeSpan.parse("1h"))));
        OverdueRules o = OLD.overdue();
        RuleSet shorter = newVersion(OLD.withParameters("overdue", new OverdueRules(true, o.warningFraction(),
                o.escalationDelay(), o.signForLimit(), o.openCaseRetention(), o.closedCaseRetention(), oneHour)));
        OverdueCaseLogic logic = new OverdueCaseLogic(
                RuleContext.of(Fixtures.reference(), RuleSetHistory.of(List.of(OLD, shorter))));
        OverdueCaseLogic oldOnly = new OverdueCaseLogic(RuleContext.of(Fixtures.reference(), OLD));

        LedgerEvent before = complaint("K-BEFORE", SWITCH.minus(Duration.ofMinutes(30))).category(NOISE).event();
        LedgerEvent after = complaint("K-AFTER", SWITCH.plus(Duration.ofMinutes(30))).category(NOISE).event();
        Instant farAhead = SWITCH.plus(Duration.ofDays(60));

        List<Alert> beforeAlerts = overdueAlerts(logic, before, farAhead);
        assertEquals(overdueAlerts(oldOnly, before, farAhead), beforeAlerts,
                "created before the switch: the same alerts as without the new version");
        assertTrue(beforeAlerts.stream().allMatch(a -> a.ruleSetVersion().equals("2026.11-1")));

        List<Alert> afterAlerts = overdueAlerts(logic, after, farAhead);
        Alert overdue = afterAlerts.stream().filter(a -> a.level() == AlertLevel.OVERDUE).findFirst().orElseThrow();
        assertEquals(after.at().plus(Duration.ofHours(1)), overdue.eventTime());
        assertTrue(afterAlerts.stream().allMatch(a -> a.ruleSetVersion().equals("2026.11-2")));
    }

    private static List<Alert> overdueAlerts(OverdueCaseLogic logic, LedgerEvent created, Instant until) {
        CaseState s = logic.apply(OverdueCaseLogic.initialState(), created);
        List<Alert> alerts = new ArrayList<>();
        logic.fireDue(s, until, alerts::add);
        return alerts;
    }
}
