package org.gridwarden.rules.ruleset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * How far before an alert the events that decide it can lie (回溯期), per rule family, over every enabled entry
 * of every version: what a replay of a window must read before the window (its warm-up, 预热) to raise the
 * alerts of a replay of all history.
 *
 * <p>Per family, the chain of periods from the earliest deciding event to the alert:
 * <ul>
 *   <li>overdue: the case's CREATED, then the longest time limit, then the escalation delay (the case's life);
 *   <li>repeat complaint, complaint surge: the window (first to last complaint);
 *   <li>complaint after closure: the closed case's life (its CREATED names the subject), then the window;
 *   <li>hazard not reported by the grid: the look-back before the case, then the grace after it;
 *   <li>patrol missed a hazard: the follow-up, or the life of the open hazard case, whichever is longer;
 *   <li>hazard not filed: the period within which the case must follow;
 *   <li>silent grid: the silence.
 * </ul>
 * A case's life is bounded by its time limit and escalation; one extended, suspended or reopened beyond that
 * can have deciding events earlier still. Working days are counted back on the district calendar, at the
 * granularity of whole days and never short.
 */
public final class LookBack {

    /** More than any chain of rule periods can span: ten years. */
    private static final int MAX_DAYS_BACK = 3653;

    private LookBack() {}

    /** For every family that runs in some version: the earliest event time that can decide an alert at {@code at}. */
    public static Map<RuleFamily, Instant> earliestDeciding(RuleSetHistory history, Instant at,
            WorkingCalendar calendar) {
        Map<RuleFamily, Instant> earliest = new EnumMap<>(RuleFamily.class);
        for (RuleFamily family : RuleFamily.values()) {
            if (history.runs(family)) {
                earliest.put(family, chains(history, family).stream()
                        .map(chain -> earliestStart(chain, at, calendar))
                        .min(Comparator.naturalOrder()).orElse(at));
            }
        }
        return earliest;
    }

    /** The earliest of {@link #earliestDeciding}: where a replay emitting from {@code at} must start reading. */
    public static Instant warmUpStart(RuleSetHistory history, Instant at, WorkingCalendar calendar) {
        return earliestDeciding(history, at, calendar).values().stream().min(Comparator.naturalOrder()).orElse(at);
    }

    /** The chains of periods an alert of {@code family} can span, one per entry (and time limit). */
    private static List<List<TimeSpan>> chains(RuleSetHistory history, RuleFamily family) {
        return switch (family) {
            case OVERDUE -> caseLives(history);
            case REPEAT_COMPLAINT -> single(history, family, RepeatComplaintRules::window);
            case COMPLAINT_SURGE -> single(history, family, ComplaintSurgeRules::window);
            case HAZARD_NOT_FILED -> single(history, family, HazardNotFiledRules::within);
            case SILENT_GRID -> single(history, family, SilentGridRules::silence);
            case HAZARD_NOT_REPORTED_BY_GRID -> history.<HazardNotReportedRules>allParameters(family).stream()
                    .map(p -> List.of(p.lookBack(), p.grace())).toList();
            case COMPLAINT_AFTER_CLOSURE -> {
                List<List<TimeSpan>> chains = new ArrayList<>();
                for (ComplaintAfterClosureRules p : history.<ComplaintAfterClosureRules>allParameters(family)) {
                    for (List<TimeSpan> life : caseLives(history)) {
                        List<TimeSpan> chain = new ArrayList<>(life);
                        chain.add(p.window());
                        chains.add(chain);
                    }
                    chains.add(List.of(p.window()));
                }
                yield chains;
            }
            case PATROL_MISSED_HAZARD -> {
                List<List<TimeSpan>> chains = new ArrayList<>(single(history, family, PatrolMissedHazardRules::followUp));
                chains.addAll(caseLives(history));
                yield chains;
            }
        };
    }

    private static <P extends RuleParameters> List<List<TimeSpan>> single(RuleSetHistory history, RuleFamily family,
            Function<P, TimeSpan> period) {
        return history.<P>allParameters(family).stream().map(p -> List.of(period.apply(p))).toList();
    }

    /** From a case's CREATED to its last possible alert: every time limit, then the escalation delay. */
    private static List<List<TimeSpan>> caseLives(RuleSetHistory history) {
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
