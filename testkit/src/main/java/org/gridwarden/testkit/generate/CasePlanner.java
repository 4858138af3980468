package org.gridwarden.testkit.generate;

import static org.gridwarden.rules.model.LedgerEventType.ACCEPTED;
import static org.gridwarden.rules.model.LedgerEventType.ASSIGNED;
import static org.gridwarden.rules.model.LedgerEventType.CANCELLED;
import static org.gridwarden.rules.model.LedgerEventType.CLOSED;
import static org.gridwarden.rules.model.LedgerEventType.EXTENDED;
import static org.gridwarden.rules.model.LedgerEventType.REOPENED;
import static org.gridwarden.rules.model.LedgerEventType.REPLIED;
import static org.gridwarden.rules.model.LedgerEventType.RESUMED;
import static org.gridwarden.rules.model.LedgerEventType.SUSPENDED;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.Tier;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.gridwarden.rules.time.ClockKind;
import org.gridwarden.rules.time.WorkingCalendar;
import org.gridwarden.testkit.generate.DistrictTime.Window;

/**
 * Plans the whole life of a case when it is created (受理 → 派单 → 签收 → [挂起/恢复 | 延期] → 回复 → 办结,
 * sometimes 撤销 or 重新打开), tracking its deadline exactly as the overdue rule will.
 *
 * <p>Handling time is log-normal relative to the time limit, so that about one case in ten runs late. No
 * closing or pausing event lies within {@link #MARGIN} of a deadline, so which side of the deadline it
 * falls on is never a matter of seconds.
 */
final class CasePlanner {

    private static final Duration MARGIN = Duration.ofMinutes(10);

    /**
     * Handling time as a share of the time limit, log-normal: about one case in ten runs late, hazards (which
     * need an owner to rectify them, 整改) more often than service requests.
     */
    private static final double HAZARD_HANDLING_MEDIAN = 0.62;
    private static final double SERVICE_HANDLING_MEDIAN = 0.38;
    private static final double HANDLING_SIGMA = 0.55;
    private static final double CANCELLED_SHARE = 0.02;
    private static final double SUSPENDED_SHARE = 0.04;
    /** Departments ask for an extension (延期) when they see they will not make it. */
    private static final double EXTENSION_WHEN_LATE = 0.3;
    private static final double LATE_HANDLING = 0.8;
    private static final double REOPENED_SHARE = 0.03;
    private static final double OTHER_DEPARTMENT = 0.05;
    private static final double SIGNED_IN_TIME = 0.85;
    private static final double SIGNED_LATE = 0.10;
    private static final double NOT_RATED = 0.1;
    private static final Duration DISPATCH_MEDIAN = Duration.ofMinutes(25);
    private static final Duration LATE_SIGNATURE_MEDIAN = Duration.ofHours(1);
    private static final Duration CLOSING_MEDIAN = Duration.ofHours(6);
    private static final Duration PAUSE_MEDIAN = Duration.ofDays(2);
    private static final Duration REOPEN_MEDIAN = Duration.ofDays(3);
    private static final Duration MIN_STEP = Duration.ofMinutes(1);
    private static final Duration MAX_STEP = Duration.ofMinutes(10);

    private static final List<String> HAZARD_RESOLUTIONS =
            List.of("隐患已整改到位", "已督促责任单位完成整改", "已现场处置并复查", "已责令停止使用并整改");
    private static final List<String> SERVICE_RESOLUTIONS =
            List.of("已协调解决", "已答复诉求人并办结", "已现场处理完毕", "已做好解释工作，诉求人表示理解");
    /** Satisfaction 1-5 (满意度), for cases closed in time and for cases that ran late. */
    private static final double[] SATISFIED = {0.02, 0.03, 0.10, 0.30, 0.55};
    private static final double[] DISAPPOINTED = {0.20, 0.25, 0.30, 0.15, 0.10};

    private final ReferenceData reference;
    private final OverdueRules rules;
    private final WorkingCalendar calendar;
    private final DistrictTime time;
    private final Dice dice;

    CasePlanner(ReferenceData reference, OverdueRules rules, DistrictTime time, Dice dice) {
        this.reference = reference;
        this.rules = rules;
        this.calendar = reference.calendar();
        this.time = time;
        this.dice = dice;
    }

    /** The life of the case that {@code created} opens; its deadline as the rule derives it. */
    CasePlan plan(LedgerEvent created) {
        Category category = reference.category(created.category()).orElseThrow();
        GridPlace place = reference.grid(created.gridId()).orElseThrow();
        TimeSpan limit = rules.timeLimit(category.timeLimitClass(), created.priority());
        Instant due = created.dueAt() != null ? created.dueAt() : limit.addTo(created.at(), calendar);
        Life life = new Life(created, category, limit,
                new DeadlineTracker(calendar, created.at(), due, limit.clockKind()));
        String department = department(category, place);
        dispatch(life, department);
        if (handle(life, true) && dice.chance(REOPENED_SHARE)) {
            reopen(life);
            dispatch(life, department);
            handle(life, false);
        }
        return life.plan();
    }

    /** The category's first tier; now and then another department, as dispatchers do (条块之间). */
    private String department(Category category, GridPlace place) {
        Tier tier = category.firstTier();
        if (dice.chance(OTHER_DEPARTMENT)) {
            tier = tier == Tier.STREET ? Tier.DISTRICT : Tier.STREET;
        }
        return reference.responsible(category, place, tier).id();
    }

    /** 派单, then 签收: usually within the sign-for limit, sometimes late, sometimes never. */
    private void dispatch(Life life, String department) {
        Instant assigned = life.next(life.last.plus(dice.logNormal(DISPATCH_MEDIAN, 0.8)), Window.ANY);
        life.add(ASSIGNED, assigned, department, null, null, null);
        Instant signDue = rules.signForLimit().addTo(assigned, calendar);
        double roll = dice.uniform(0, 1);
        if (roll < SIGNED_IN_TIME) {
            life.add(ACCEPTED, life.next(between(assigned, signDue, dice.uniform(0.05, 0.9)), Window.ANY));
        } else if (roll < SIGNED_IN_TIME + SIGNED_LATE) {
            Instant late = signDue.plus(MARGIN).plus(dice.logNormal(LATE_SIGNATURE_MEDIAN, 0.8));
            life.add(ACCEPTED, life.next(late, Window.ANY));
        }
    }

    /** One round of handling up to 办结; false when the case was cancelled instead. */
    private boolean handle(Life life, boolean firstRound) {
        DeadlineTracker d = life.deadline;
        double median = life.category.hazard() ? HAZARD_HANDLING_MEDIAN : SERVICE_HANDLING_MEDIAN;
        double share = dice.logNormal(median, HANDLING_SIGMA);
        Instant reply = d.plus(d.start(), scale(d.between(d.start(), d.due()), share));
        if (firstRound && dice.chance(CANCELLED_SHARE)) {
            Instant candidate = reply.isAfter(life.last) ? between(life.last, reply, dice.uniform(0.1, 0.9)) : reply;
            life.stop(CANCELLED, candidate, Window.DAYTIME, null, null);
            return false;
        }
        if (firstRound && dice.chance(SUSPENDED_SHARE)) {
            reply = pause(life, reply);
        } else if (firstRound && share > LATE_HANDLING && dice.chance(EXTENSION_WHEN_LATE)) {
            extend(life);
        }
        Instant replied = life.stop(REPLIED, reply, life.window(), null, null);
        Instant closing = replied.plus(dice.logNormal(CLOSING_MEDIAN, 1.0));
        boolean late = d.passed();
        String resolution = dice.pick(life.category.hazard() ? HAZARD_RESOLUTIONS : SERVICE_RESOLUTIONS);
        Integer satisfaction = life.created.complainantId() == null || dice.chance(NOT_RATED)
                ? null : 1 + dice.weighted(late ? DISAPPOINTED : SATISFIED);
        life.stop(CLOSED, closing, life.window(), resolution, satisfaction);
        return true;
    }

    /** 挂起 and 恢复 somewhere in the handling; returns the reply time, shifted like the deadline. */
    private Instant pause(Life life, Instant reply) {
        DeadlineTracker d = life.deadline;
        if (!reply.isAfter(life.last)) {
            return reply;
        }
        Instant at = life.next(between(life.last, reply, dice.uniform(0.2, 0.7)), Window.OFFICE);
        if (!at.isBefore(reply) || near(at, d.due())) {
            return reply;
        }
        life.add(SUSPENDED, at);
        d.suspend(at);
        Instant resumed = life.next(at.plus(dice.logNormal(PAUSE_MEDIAN, 0.6)), Window.OFFICE);
        life.add(RESUMED, resumed);
        d.resume(resumed);
        return d.shift(at, resumed, reply);
    }

    /** 延期, always well before the current deadline, to a later one. */
    private void extend(Life life) {
        DeadlineTracker d = life.deadline;
        Duration budget = d.between(d.start(), d.due());
        Instant at = life.next(d.plus(d.start(), scale(budget, dice.uniform(0.5, 0.85))), Window.OFFICE);
        if (at.plus(MARGIN).isAfter(d.due())) {
            return;
        }
        Instant newDue = life.limit.addTo(d.due(), calendar);
        life.add(EXTENDED, at, null, newDue, null, null);
        d.extend(at, newDue);
    }

    /** 重新打开 after the citizen calls back, while the rule still remembers the closed case. */
    private void reopen(Life life) {
        Instant latest = life.last.plus(rules.closedCaseRetention().toDuration().dividedBy(2));
        Instant candidate = life.last.plus(dice.logNormal(REOPEN_MEDIAN, 0.8));
        Instant at = life.next(candidate.isAfter(latest) ? latest : candidate, Window.DAYTIME);
        life.add(REOPENED, at);
        life.deadline.reopen(at, life.limit.addTo(at, calendar), life.limit.clockKind());
    }

    private static boolean near(Instant t, Instant deadline) {
        return Duration.between(t, deadline).abs().compareTo(MARGIN) < 0;
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofSeconds(Math.round(d.toSeconds() * factor));
    }

    private static Instant between(Instant from, Instant to, double fraction) {
        return from.plus(scale(Duration.between(from, to), fraction));
    }

    /** One case being planned: its events so far and its deadline. */
    private final class Life {

        final LedgerEvent created;
        final Category category;
        final TimeSpan limit;
        final DeadlineTracker deadline;
        final List<LedgerEvent> events = new ArrayList<>();
        Instant last;

        Life(LedgerEvent created, Category category, TimeSpan limit, DeadlineTracker deadline) {
            this.created = created;
            this.category = category;
            this.limit = limit;
            this.deadline = deadline;
            events.add(created);
            last = created.at();
        }

        /** When handling happens: emergencies at once, hour limits in the daytime, working days in office hours. */
        Window window() {
            if (created.priority() == Priority.URGENT) {
                return Window.ANY;
            }
            return deadline.clock() == ClockKind.CALENDAR ? Window.DAYTIME : Window.OFFICE;
        }

        /** The candidate moved into the window and strictly after the previous event. */
        Instant next(Instant candidate, Window window) {
            Instant t = time.within(candidate.truncatedTo(ChronoUnit.SECONDS), window, dice);
            return t.isAfter(last) ? t : last.plus(dice.between(MIN_STEP, MAX_STEP));
        }

        /** A closing event, kept clear of the current deadline; returns its time. */
        Instant stop(LedgerEventType type, Instant candidate, Window window, String resolution, Integer satisfaction) {
            Instant at = next(candidate, window);
            if (near(at, deadline.due())) {
                at = deadline.due().plus(MARGIN).plus(dice.between(Duration.ZERO, Duration.ofMinutes(20)));
            }
            add(type, at, null, null, resolution, satisfaction);
            deadline.stop(at);
            return at;
        }

        void add(LedgerEventType type, Instant at) {
            add(type, at, null, null, null, null);
        }

        void add(LedgerEventType type, Instant at, String department, Instant dueAt, String resolution,
                Integer satisfaction) {
            String caseId = created.caseId();
            events.add(new LedgerEvent(Ids.event(caseId, events.size() + 1), caseId, type, at, null, null, null, null,
                    null, null, null, dueAt, null, department, resolution, satisfaction));
            last = at;
        }

        CasePlan plan() {
            LedgerEventType end = events.get(events.size() - 1).type();
            CaseOutcome outcome = new CaseOutcome(created.caseId(), created.at(), deadline.overdueAt(), last,
                    end == CANCELLED);
            return new CasePlan(List.copyOf(events), outcome);
        }
    }
}
