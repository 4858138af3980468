package org.gridwarden.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.overdue.OverdueCaseLogic;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;
import org.gridwarden.rules.ruleset.TimeSpan;

/**
 * Overdue cases (案件超期) in plain Java for the benchmark baseline: the cases in a HashMap, their next
 * deadlines in one priority queue, events applied in event-time order. Each case takes its time limit from
 * the class of its category and its priority under the rule-set entry in force for it (or its explicit
 * {@code dueAt}); WARNING (临期) at the warning fraction of the limit, OVERDUE at the deadline, ESCALATED after
 * the escalation delay; EXTENDED moves the deadline, SUSPENDED/RESUMED pause it, REPLIED/CLOSED/CANCELLED stop
 * it, REOPENED restarts it; a stopped case is forgotten after the closed-case retention, a silent one after
 * the open-case retention. A deadline fires when the event time passes it; queued deadlines a later event made
 * stale are skipped when they come up.
 *
 * <p>Hours-based: every clock is a calendar clock, and a period in working days counts as that many calendar
 * days of 24 hours, as no working calendar is kept. Under a rule set whose periods are all in hours or days
 * this raises exactly the OVERDUE_CASE alerts of {@link OverdueCaseLogic}. It counts them and builds no alert;
 * it raises no sign-for timeouts (签收超时), and ignores the events of a case before its CREATED.
 */
final class OverdueCases {

    static final String WARNINGS = OverdueCaseLogic.RULE_OVERDUE + "/" + AlertLevel.WARNING;
    static final String OVERDUE = OverdueCaseLogic.RULE_OVERDUE + "/" + AlertLevel.OVERDUE;
    static final String ESCALATED = OverdueCaseLogic.RULE_OVERDUE + "/" + AlertLevel.ESCALATED;

    private enum Status { RUNNING, SUSPENDED, STOPPED }

    /** A queued point in time of a case: its next deadline, or when to check whether it may be forgotten. */
    private record Wake(long at, String caseId, boolean cleanup) {}

    private final RuleContext ctx;
    private final Map<String, TrackedCase> cases = new HashMap<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>(Comparator.comparingLong(Wake::at));
    private long warnings;
    private long overdue;
    private long escalated;

    OverdueCases(RuleContext ctx) {
        this.ctx = ctx;
    }

    /** Applies a ledger event; everything due before its time has been fired. */
    void apply(LedgerEvent e) {
        long at = e.at().toEpochMilli();
        TrackedCase c = cases.get(e.caseId());
        if (c == null) {
            if (e.type() == LedgerEventType.CREATED) {
                created(e, at);
            }
            return;
        }
        switch (e.type()) {
            case EXTENDED -> {
                if (c.status != Status.STOPPED) {
                    c.newDeadline(at, e.dueAt().toEpochMilli());
                    if (c.status == Status.SUSPENDED) {
                        c.suspendedAt = at; // a new promise during a pause: the pause restarts now
                    }
                    schedule(c);
                }
            }
            case SUSPENDED -> {
                if (c.status == Status.RUNNING) {
                    c.status = Status.SUSPENDED;
                    c.suspendedAt = at;
                }
            }
            case RESUMED -> {
                if (c.status == Status.SUSPENDED) {
                    c.resume(at);
                    schedule(c);
                }
            }
            case REPLIED, CLOSED, CANCELLED -> c.status = Status.STOPPED;
            case REOPENED -> {
                if (c.status == Status.STOPPED) {
                    c.newDeadline(at, at + c.limit);
                    c.status = Status.RUNNING;
                    schedule(c);
                }
            }
            default -> {} // CREATED again, ASSIGNED, ACCEPTED: the deadline stays
        }
        c.lastEventAt = at;
        scheduleCleanup(c);
    }

    private void created(LedgerEvent e, long at) {
        Optional<InForce<OverdueRules>> inForce = ctx.inForce(RuleFamily.OVERDUE, e.at(), e.gridId(), e.category());
        if (inForce.isEmpty()) {
            return; // no entry covers the case, or it is switched off: it can never raise anything
        }
        OverdueRules rules = inForce.get().parameters();
        Category category = ctx.reference().category(e.category()).orElseThrow();
        TrackedCase c = new TrackedCase(e.caseId(), rules,
                hoursBased(rules.timeLimit(category.timeLimitClass(), e.priority())));
        c.newDeadline(at, e.dueAt() != null ? e.dueAt().toEpochMilli() : at + c.limit);
        c.lastEventAt = at;
        cases.put(c.caseId, c);
        schedule(c);
        scheduleCleanup(c);
    }

    /** Fires, in time order, every deadline at or before {@code now}, and forgets the cases due to be forgotten. */
    void advanceTo(long now) {
        while (!wakes.isEmpty() && wakes.peek().at() <= now) {
            Wake w = wakes.poll();
            TrackedCase c = cases.get(w.caseId());
            if (c == null) {
                continue;
            }
            if (w.cleanup()) {
                cleanup(c, w.at());
            } else if (c.nextDue() == w.at()) {
                fire(c, w.at());
                schedule(c);
            }
        }
    }

    private void fire(TrackedCase c, long at) {
        if (!c.warned && c.warnAt == at) {
            c.warned = true;
            warnings++;
        } else if (!c.overdue && c.dueAt == at) {
            c.overdue = true;
            overdue++;
        } else if (!c.escalated && c.escalateAt == at) {
            c.escalated = true;
            escalated++;
        }
    }

    /** Queues the case's next deadline; the ones queued before, now stale, are skipped when they come up. */
    private void schedule(TrackedCase c) {
        long next = c.nextDue();
        if (next != Long.MAX_VALUE) {
            wakes.add(new Wake(next, c.caseId, false));
        }
    }

    /** Queues the clean-up check when it comes earlier than the one queued; a later one is re-queued lazily. */
    private void scheduleCleanup(TrackedCase c) {
        long at = c.forgetAt();
        if (at < c.cleanupAt) {
            c.cleanupAt = at;
            wakes.add(new Wake(at, c.caseId, true));
        }
    }

    private void cleanup(TrackedCase c, long at) {
        if (at != c.cleanupAt) {
            return; // an earlier check took its place
        }
        long forgetAt = c.forgetAt();
        if (forgetAt <= at) {
            cases.remove(c.caseId);
        } else {
            c.cleanupAt = forgetAt;
            wakes.add(new Wake(forgetAt, c.caseId, true));
        }
    }

    void addCounts(Map<String, Long> counts) {
        counts.put(OverdueCaseLogic.RULE_OVERDUE, warnings + overdue + escalated);
        counts.put(WARNINGS, warnings);
        counts.put(OVERDUE, overdue);
        counts.put(ESCALATED, escalated);
    }

    /** A period as a calendar duration: working days as calendar days of 24 hours. */
    static long hoursBased(TimeSpan span) {
        return span.isWorkingDays() ? Duration.ofDays(span.amount()).toMillis() : span.toDuration().toMillis();
    }

    /** What is kept per case, updated in place; times in epoch milliseconds. */
    private static final class TrackedCase {
        final String caseId;
        final long limit;
        final long escalationDelay;
        final double warningFraction;
        final long openRetention;
        final long closedRetention;
        Status status = Status.RUNNING;
        long suspendedAt;
        long warnAt;
        long dueAt;
        long escalateAt;
        boolean warned;
        boolean overdue;
        boolean escalated;
        long lastEventAt;
        long cleanupAt = Long.MAX_VALUE;

        TrackedCase(String caseId, OverdueRules rules, long limit) {
            this.caseId = caseId;
            this.limit = limit;
            this.escalationDelay = hoursBased(rules.escalationDelay());
            this.warningFraction = rules.warningFraction();
            this.openRetention = hoursBased(rules.openCaseRetention());
            this.closedRetention = hoursBased(rules.closedCaseRetention());
        }

        /** A new deadline version from {@code start}: every level may fire again. */
        void newDeadline(long start, long due) {
            long budget = Math.max(0, due - start);
            warnAt = start + (long) (budget * warningFraction);
            dueAt = due;
            escalateAt = due + escalationDelay;
            warned = false;
            overdue = false;
            escalated = false;
        }

        /** A point still ahead when the clock paused keeps its remaining time after the pause. */
        void resume(long at) {
            long pause = at - suspendedAt;
            warnAt = warnAt > suspendedAt ? warnAt + pause : warnAt;
            dueAt = dueAt > suspendedAt ? dueAt + pause : dueAt;
            escalateAt = dueAt + escalationDelay;
            status = Status.RUNNING;
        }

        /** The earliest level not yet fired while the clock runs, else {@link Long#MAX_VALUE}. */
        long nextDue() {
            if (status != Status.RUNNING) {
                return Long.MAX_VALUE;
            }
            long next = Long.MAX_VALUE;
            if (!warned) {
                next = warnAt;
            }
            if (!overdue) {
                next = Math.min(next, dueAt);
            }
            if (!escalated) {
                next = Math.min(next, escalateAt);
            }
            return next;
        }

        long forgetAt() {
            return lastEventAt + (status == Status.STOPPED ? closedRetention : openRetention);
        }
    }
}
