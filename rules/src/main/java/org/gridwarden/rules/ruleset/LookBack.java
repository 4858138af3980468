package org.gridwarden.rules.ruleset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.RuleFamilyDefinition;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * How far before an alert the events that decide it can lie (回溯期), per rule family, over every enabled entry
 * of every version: what a replay of a window must read before the window (its warm-up, 预热) to raise the
 * alerts of a replay of all history.
 *
 * <p>Each family declares its chains of periods, from the earliest deciding event to the alert, in its line of
 * {@link RuleFamilies}. A case's life is bounded by its time limit and escalation; one extended, suspended or
 * reopened beyond that can have deciding events earlier still. Working days are counted back on the district
 * calendar, at the granularity of whole days and never short.
 */
public final class LookBack {

    /** More than any chain of rule periods can span: ten years. */
    private static final int MAX_DAYS_BACK = 3653;

    /** The chains of periods an alert of one family can span, one per entry (and time limit). */
    @FunctionalInterface
    public interface Chains {
        List<List<TimeSpan>> of(RuleSetHistory history);
    }

    private LookBack() {}

    /**
     * For every shipped family that runs in some version: the earliest event time that can decide an alert at
     * {@code at}.
     */
    public static Map<RuleFamily, Instant> earliestDeciding(RuleSetHistory history, Instant at,
            WorkingCalendar calendar) {
        return earliestDeciding(RuleFamilies.SHIPPED, history, at, calendar);
    }

    /** For every family of {@code families} that runs in some version: as {@link #earliestDeciding}. */
    public static Map<RuleFamily, Instant> earliestDeciding(RuleFamilies families, RuleSetHistory history,
            Instant at, WorkingCalendar calendar) {
        Map<RuleFamily, Instant> earliest = new LinkedHashMap<>();
        for (RuleFamilyDefinition family : families.running(history)) {
            earliest.put(family.family(), family.lookBack().of(history).stream()
                    .map(chain -> earliestStart(chain, at, calendar))
                    .min(Comparator.naturalOrder()).orElse(at));
        }
        return earliest;
    }

    /** The earliest of {@link #earliestDeciding}: where a replay emitting from {@code at} must start reading. */
    public static Instant warmUpStart(RuleSetHistory history, Instant at, WorkingCalendar calendar) {
        return earliestDeciding(history, at, calendar).values().stream().min(Comparator.naturalOrder()).orElse(at);
    }

    /** A family whose alerts lie one period after their first deciding event. */
    public static <P extends RuleParameters> Chains period(RuleFamily family, Function<P, TimeSpan> period) {
        return history -> history.<P>allParameters(family).stream().map(p -> List.of(period.apply(p))).toList();
    }

    /** From a case's CREATED to its last possible alert: every time limit, then the escalation delay. */
    public static List<List<TimeSpan>> caseLives(RuleSetHistory history) {
        List<List<TimeSpan>> lives = new ArrayList<>();
        for (OverdueRules p : history.<OverdueRules>allParameters(RuleFamily.OVERDUE)) {
            for (Map<Priority, TimeSpan> byPriority : p.timeLimits().values()) {
                byPriority.values().forEach(limit -> lives.add(List.of(limit, p.escalationDelay())));
            }
        }
        return lives;
    }

    /** The earliest start from which the periods of {@code chain}, one after the other, still reach {@code at}. */
    private static Instant earliestStart(List<TimeSpan> chain, Instant at, WorkingCalendar calendar) {
        if (chain.stream().noneMatch(TimeSpan::isWorkingDays)) {
            return at.minus(chain.stream().map(TimeSpan::toDuration).reduce(Duration.ZERO, Duration::plus));
        }
        // the end of a chain moves with its start; step back a day at a time while it still reaches `at`, then
        // one day more, since a working-day period ends at the same time for any start within one day
        ZoneId zone = calendar.zone();
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_BACK && !end(chain, startOf(day.minusDays(1), zone), calendar).isBefore(at); i++) {
            day = day.minusDays(1);
        }
        return startOf(day.minusDays(1), zone);
    }

    private static Instant end(List<TimeSpan> chain, Instant start, WorkingCalendar calendar) {
        Instant t = start;
        for (TimeSpan span : chain) {
            t = span.addTo(t, calendar);
        }
        return t;
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
