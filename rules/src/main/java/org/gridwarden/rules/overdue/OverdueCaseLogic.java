package org.gridwarden.rules.overdue;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory.Finding;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.gridwarden.rules.time.ClockKind;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * The overdue-case state machine (案件超期), free of Flink: events are applied in event-time order and
 * {@link #fireDue} raises what has become due by a given time. The Flink operator only orders events and
 * keeps timers.
 *
 * <p>Levels per deadline version: WARNING (临期) when the warning fraction of the limit is used, OVERDUE
 * (超期) at the deadline, ESCALATED (升级督办) after the escalation delay, to the next tier. SIGN_FOR_TIMEOUT
 * (签收超时) when a dispatch is not signed for in time.
 */
public final class OverdueCaseLogic implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RULE_OVERDUE = "OVERDUE_CASE";
    public static final String RULE_SIGN_FOR = "SIGN_FOR_TIMEOUT";
    static final int MAX_EVIDENCE = 50;
    private static final AlertLevel[] LEVELS = {AlertLevel.WARNING, AlertLevel.OVERDUE, AlertLevel.ESCALATED};

    private final RuleContext ctx;
    private final AlertFactory alerts;
    private final ReferenceData reference;
    private final WorkingCalendar calendar;
    /** For a case whose CREATED has not been seen: the longest retention any rule set asks for. */
    private final TimeSpan longestRetention;

    public OverdueCaseLogic(RuleContext ctx) {
        this.ctx = ctx;
        this.alerts = ctx.alerts();
        this.reference = ctx.reference();
        this.calendar = reference.calendar();
        this.longestRetention = ctx.history().<OverdueRules>allParameters(RuleFamily.OVERDUE).stream()
                .map(OverdueRules::openCaseRetention)
                .max(Comparator.comparing(TimeSpan::toDuration))
                .orElse(TimeSpan.parse("365d"));
    }

    /**
     * The parameters a case is handled under: the rule-set entry in force when it was created (立案时) for its
     * grid and category, so a changed time limit applies to cases created from the new version's
     * effectiveFrom on. Empty when no entry covers the case or its entry is switched off: then it raises
     * nothing. A dispatch seen before its CREATED falls under the entry in force at the dispatch.
     */
    private Optional<InForce<OverdueRules>> rulesOf(CaseState s, Instant otherwiseAt) {
        Case c = s.caseInfo();
        return c == null
                ? ctx.inForce(RuleFamily.OVERDUE, otherwiseAt, null, null)
                : ctx.inForce(RuleFamily.OVERDUE, c.createdAt(), c.gridId(), c.category());
    }

    private OverdueRules rules(CaseState s) {
        return rulesOf(s, s.lastEventAt()).orElseThrow().parameters();
    }

    public static CaseState initialState() {
        return CaseState.empty();
    }

    /** Applies one event; the caller has already fired everything due before {@code e.at()}. */
    public CaseState apply(CaseState s, LedgerEvent e) {
        Instant at = e.at();
        CaseState next = switch (e.type()) {
            case CREATED -> s.caseInfo() != null ? s : created(s, e);
            case ASSIGNED -> s.status() == CaseStatus.STOPPED ? s : assigned(s, e);
            case ACCEPTED -> s.assignment() == null ? s : s.withAssignment(s.assignment().signedFor());
            case EXTENDED -> extended(s, e);
            case SUSPENDED -> s.status() == CaseStatus.RUNNING ? s.with(s.caseInfo(), s.assignment(), s.deadline(),
                    CaseStatus.SUSPENDED, at) : s;
            case RESUMED -> s.status() == CaseStatus.SUSPENDED ? resumed(s, at) : s;
            case REPLIED, CLOSED, CANCELLED -> s.with(s.caseInfo(), s.assignment(), s.deadline(), CaseStatus.STOPPED, null);
            case REOPENED -> s.status() == CaseStatus.STOPPED && s.caseInfo() != null ? reopened(s, at) : s;
        };
        return next.withEvent(e.eventId(), at, MAX_EVIDENCE);
    }

    private CaseState assigned(CaseState s, LedgerEvent e) {
        Optional<InForce<OverdueRules>> rules = rulesOf(s, e.at());
        // no sign-for clock for a case no entry covers: it is marked as already alerted
        return s.withAssignment(new Assignment(e.department(), e.eventId(), e.at(),
                rules.map(r -> r.parameters().signForLimit().addTo(e.at(), calendar)).orElse(e.at()), false,
                rules.isEmpty()));
    }

    private CaseState created(CaseState s, LedgerEvent e) {
        Case c = new Case(e.caseId(), e.category(), e.gridId(), e.buildingId(), e.channel(), e.priority(), e.at(),
                e.eventId(), e.dueAt(), e.withoutDeadline());
        CaseState known = s.with(c, s.assignment(), null, s.status(), s.suspendedAt());
        Optional<InForce<OverdueRules>> rules = rulesOf(known, e.at());
        if (s.status() == CaseStatus.STOPPED || rules.isEmpty()) {
            // closed before it was created (in event time), or no entry covers it: remember it, start no clock
            return s.with(c, s.assignment(), null, CaseStatus.STOPPED, null);
        }
        if (c.noDeadline()) {
            // open, but with no clock: no WARNING, OVERDUE or ESCALATED; only the sign-for clock of ASSIGNED runs
            return s.with(c, s.assignment(), null, CaseStatus.RUNNING, null);
        }
        TimeSpan limit = limitFor(c, rules.get().parameters());
        Instant due = c.explicitDueAt() != null ? c.explicitDueAt() : limit.addTo(e.at(), calendar);
        return s.with(c, s.assignment(), newDeadline(1, e.at(), due, limit.clockKind(), rules.get().parameters()),
                CaseStatus.RUNNING, null);
    }

    private CaseState extended(CaseState s, LedgerEvent e) {
        if (s.deadline() == null || s.status() == CaseStatus.STOPPED) {
            return s;
        }
        Deadline d = newDeadline(s.deadline().version() + 1, e.at(), e.dueAt(), s.deadline().clock(), rules(s));
        // an extension during a pause is a new promise from now on: the pause restarts from here
        Instant suspended = s.status() == CaseStatus.SUSPENDED ? e.at() : null;
        return s.with(s.caseInfo(), s.assignment(), d, s.status(), suspended);
    }

    private CaseState resumed(CaseState s, Instant at) {
        Deadline d = s.deadline();
        if (d == null) {
            return s.with(s.caseInfo(), s.assignment(), null, CaseStatus.RUNNING, null);
        }
        Instant paused = s.suspendedAt();
        Instant due = shift(d.clock(), paused, at, d.dueAt());
        Deadline moved = d.shifted(shift(d.clock(), paused, at, d.warnAt()), due, escalation(due, rules(s)));
        return s.with(s.caseInfo(), s.assignment(), moved, CaseStatus.RUNNING, null);
    }

    private CaseState reopened(CaseState s, Instant at) {
        Optional<InForce<OverdueRules>> rules = rulesOf(s, at);
        if (rules.isEmpty()) {
            return s;
        }
        if (s.caseInfo().noDeadline()) {
            return s.with(s.caseInfo(), s.assignment(), null, CaseStatus.RUNNING, null);
        }
        TimeSpan limit = limitFor(s.caseInfo(), rules.get().parameters());
        int version = s.deadline() == null ? 1 : s.deadline().version() + 1;
        Deadline d = newDeadline(version, at, limit.addTo(at, calendar), limit.clockKind(), rules.get().parameters());
        return s.with(s.caseInfo(), s.assignment(), d, CaseStatus.RUNNING, null);
    }

    /** A point still ahead when the clock paused keeps its remaining clock time after the pause. */
    private Instant shift(ClockKind clock, Instant pausedAt, Instant resumedAt, Instant point) {
        if (!point.isAfter(pausedAt)) {
            return point;
        }
        return clock.plus(resumedAt, clock.between(pausedAt, point, calendar), calendar);
    }

    private Deadline newDeadline(int version, Instant start, Instant due, ClockKind clock, OverdueRules rules) {
        Duration budget = clock.between(start, due, calendar);
        Duration toWarning = Duration.ofMillis((long) (budget.toMillis() * rules.warningFraction()));
        Instant warnAt = clock.plus(start, toWarning, calendar);
        return new Deadline(version, start, warnAt, due, escalation(due, rules), clock, false, false, false);
    }

    private Instant escalation(Instant due, OverdueRules rules) {
        return rules.escalationDelay().addTo(due, calendar);
    }

    private TimeSpan limitFor(Case c, OverdueRules rules) {
        Category category = reference.category(c.category()).orElseThrow();
        return rules.timeLimit(category.timeLimitClass(), c.priority());
    }

    /** The earliest time at which something becomes due, or null when nothing is pending. */
    public Instant nextDue(CaseState s) {
        Instant next = null;
        if (s.status() == CaseStatus.RUNNING && s.deadline() != null) {
            for (AlertLevel level : LEVELS) {
                if (!s.deadline().fired(level)) {
                    next = min(next, s.deadline().timeOf(level));
                }
            }
        }
        if (s.caseInfo() != null && s.status() != CaseStatus.STOPPED && s.assignment() != null
                && s.assignment().awaitsSignature()) {
            next = min(next, s.assignment().signForDueAt());
        }
        return next;
    }

    /** The alerts' factory, which knows a bounded run's horizon. */
    public AlertFactory alerts() {
        return alerts;
    }

    /** Raises, in time order, everything due at or before {@code now}; returns the state with them marked. */
    public CaseState fireDue(CaseState s, Instant now, Consumer<Alert> out) {
        return fireDue(s, now, out, due -> true, () -> {});
    }

    /**
     * As {@link #fireDue(CaseState, Instant, Consumer)}; an alert after the alert factory's horizon, or one
     * {@code raises} refuses, is marked fired without being written, and {@code afterHorizon} runs instead.
     */
    public CaseState fireDue(CaseState s, Instant now, Consumer<Alert> out, Predicate<Instant> raises,
            Runnable afterHorizon) {
        for (Instant due = nextDue(s); due != null && !due.isAfter(now); due = nextDue(s)) {
            boolean raised = alerts.raises(due) && raises.test(due);
            s = fireAt(s, due, raised ? out : null);
            if (!raised) {
                afterHorizon.run();
            }
        }
        return s;
    }

    /** @param out takes the alert due; null: the alert is not written */
    private CaseState fireAt(CaseState s, Instant due, Consumer<Alert> out) {
        Assignment a = s.assignment();
        if (a != null && a.awaitsSignature() && s.status() != CaseStatus.STOPPED && due.equals(a.signForDueAt())) {
            if (out != null) {
                out.accept(signForTimeout(s));
            }
            return s.withAssignment(a.alertRaised());
        }
        Deadline d = s.deadline();
        for (AlertLevel level : LEVELS) {
            if (!d.fired(level) && due.equals(d.timeOf(level))) {
                if (out != null) {
                    out.accept(deadlineAlert(s, level));
                }
                return s.withDeadline(d.markFired(level));
            }
        }
        throw new IllegalStateException("nothing due at " + due + " for case " + s.caseInfo().caseId());
    }

    /** When the case may be forgotten: long after its last event, sooner once it has stopped. */
    public Instant cleanupAt(CaseState s) {
        Optional<OverdueRules> rules = s.caseInfo() == null ? Optional.empty()
                : rulesOf(s, s.lastEventAt()).map(InForce::parameters);
        TimeSpan keep = rules.map(r -> s.status() == CaseStatus.STOPPED ? r.closedCaseRetention()
                : r.openCaseRetention()).orElse(longestRetention);
        return s.lastEventAt().plus(keep.toDuration());
    }

    private Alert deadlineAlert(CaseState s, AlertLevel level) {
        InForce<OverdueRules> inForce = rulesOf(s, s.lastEventAt()).orElseThrow();
        OverdueRules rules = inForce.parameters();
        Case c = s.caseInfo();
        Deadline d = s.deadline();
        Category category = reference.category(c.category()).orElseThrow();
        GridPlace place = reference.grid(c.gridId()).orElseThrow();
        Department handler = handler(s, category, place);
        Department target = level == AlertLevel.ESCALATED
                ? reference.responsible(category, place, handler.tier().next())
                : handler;
        OverdueTexts.Texts text = OverdueTexts.deadline(level, c.caseId(), category, place, handler, target,
                alerts.local(d.dueAt()), rules);
        return alerts.create(new Finding(RULE_OVERDUE, level, "case:" + c.caseId(), "v" + d.version(), c.caseId(),
                target, c.gridId(), c.category(), text.title(), text.message(), s.evidence(), d.timeOf(level),
                d.dueAt()), inForce.version());
    }

    private Alert signForTimeout(CaseState s) {
        // a dispatch seen before its CREATED got its sign-for limit from the entry in force at the dispatch
        InForce<OverdueRules> inForce = rulesOf(s, s.assignment().assignedAt())
                .or(() -> ctx.inForce(RuleFamily.OVERDUE, s.assignment().assignedAt(), null, null)).orElseThrow();
        Case c = s.caseInfo();
        Assignment a = s.assignment();
        Department dept = reference.department(a.department()).orElseThrow();
        Category category = reference.category(c.category()).orElseThrow();
        GridPlace place = reference.grid(c.gridId()).orElseThrow();
        OverdueTexts.Texts text = OverdueTexts.signFor(c.caseId(), category, place, dept, alerts.local(a.assignedAt()),
                inForce.parameters().signForLimit());
        return alerts.create(new Finding(RULE_SIGN_FOR, AlertLevel.WARNING, "case:" + c.caseId(), a.eventId(),
                c.caseId(), dept, c.gridId(), c.category(), text.title(), text.message(), s.evidence(), a.signForDueAt(),
                a.signForDueAt()), inForce.version());
    }

    /** Who must act now: the department the case was dispatched to, else the category's first tier. */
    private Department handler(CaseState s, Category category, GridPlace place) {
        if (s.assignment() != null) {
            Department assigned = reference.department(s.assignment().department()).orElse(null);
            if (assigned != null) {
                return assigned;
            }
        }
        return reference.responsible(category, place, category.firstTier());
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }
}
