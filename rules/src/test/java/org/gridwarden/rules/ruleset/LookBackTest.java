package org.gridwarden.rules.ruleset;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The warm-up a replay needs before a window, per rule family, under the shipped rule set. */
class LookBackTest {

    private static final RuleSetHistory SHIPPED = RuleSetHistory.of(Fixtures.ruleSet());

    @Test
    void everyFamilyLooksBackByItsLongestChainOfPeriods() {
        Map<RuleFamily, Instant> earliest = LookBack.earliestDeciding(SHIPPED, beijing("2026-12-17T00:00"),
                Fixtures.reference().calendar());

        assertEquals(Map.of(
                // 16 working days (15wd limit of COMPLEX/NORMAL + 1wd escalation) before Thursday 17 December
                // are 25 November to 16 December; a case created on the 24th is due at the end of the 16th
                RuleFamily.OVERDUE, beijing("2026-11-24T00:00"),
                RuleFamily.REPEAT_COMPLAINT, beijing("2026-11-17T00:00"),
                // the closed case's life (16 working days) before the 15-day window
                RuleFamily.COMPLAINT_AFTER_CLOSURE, beijing("2026-11-09T00:00"),
                RuleFamily.HAZARD_NOT_REPORTED_BY_GRID, beijing("2026-12-09T00:00"),
                // an open hazard case lives longer than the 48 h follow-up
                RuleFamily.PATROL_MISSED_HAZARD, beijing("2026-11-24T00:00"),
                RuleFamily.HAZARD_NOT_FILED, beijing("2026-12-16T00:00"),
                RuleFamily.SILENT_GRID, beijing("2026-12-14T00:00"),
                RuleFamily.COMPLAINT_SURGE, beijing("2026-12-16T23:00")), earliest);
        assertEquals(beijing("2026-11-09T00:00"), LookBack.warmUpStart(SHIPPED, beijing("2026-12-17T00:00"),
                Fixtures.reference().calendar()));
    }

    @Test
    void workingDaysAreCountedBackOverHolidaysAndMakeUpDays() {
        // before Monday 12 October: the make-up Saturday 10 October, 8-9 October, National Day off, 28-30
        // September, Mid-Autumn off, 21-24 September, the make-up Sunday 20 September, 15-18 September
        Instant overdue = LookBack.earliestDeciding(SHIPPED, beijing("2026-10-12T00:00"),
                Fixtures.reference().calendar()).get(RuleFamily.OVERDUE);
        assertEquals(beijing("2026-09-14T00:00"), overdue);
    }

    @Test
    void aSwitchedOffFamilyNeedsNoWarmUp() {
        RuleSet noOverdue = Fixtures.ruleSet().withParameters("overdue", new OverdueRules(false, 0.8,
                TimeSpan.parse("1wd"), TimeSpan.parse("2h"), TimeSpan.parse("365d"), TimeSpan.parse("30d"),
                Fixtures.ruleSet().overdue().timeLimits()));
        Map<RuleFamily, Instant> earliest = LookBack.earliestDeciding(RuleSetHistory.of(noOverdue),
                beijing("2026-12-17T00:00"), Fixtures.reference().calendar());

        assertFalse(earliest.containsKey(RuleFamily.OVERDUE));
        // without overdue entries no case life is known: the windows alone
        assertEquals(beijing("2026-12-02T00:00"), earliest.get(RuleFamily.COMPLAINT_AFTER_CLOSURE));
        assertEquals(beijing("2026-12-15T00:00"), earliest.get(RuleFamily.PATROL_MISSED_HAZARD));
    }
}
