package org.gridwarden.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import org.gridwarden.rules.time.ClockKind;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * One case's deadline while its life is planned, with the overdue rule's semantics (OverdueCaseLogic): a
 * deadline fires when it lies before the next event of a running case; EXTENDED starts a new version;
 * SUSPENDED/RESUMED shift it by the paused clock time; REPLIED/CLOSED/CANCELLED stop the clock; REOPENED
 * restarts it. Knowing the first deadline passed while open is what makes the manifest exact.
 */
final class DeadlineTracker {

    private enum Status { RUNNING, SUSPENDED, STOPPED }

    private final WorkingCalendar calendar;
    private Instant start;
    private Instant due;
    private ClockKind clock;
    private Status status = Status.RUNNING;
    private Instant suspendedAt;
    private Instant firstPassed;

    DeadlineTracker(WorkingCalendar calendar, Instant start, Instant due, ClockKind clock) {
        this.calendar = calendar;
        this.start = start;
        this.due = due;
        this.clock = clock;
    }

    Instant start() {
        return start;
    }

    Instant due() {
        return due;
    }

    ClockKind clock() {
        return clock;
    }

    /** Clock time between two instants on this deadline's clock. */
    Duration between(Instant from, Instant to) {
        return clock.between(from, to, calendar);
    }

    /** The instant at which {@code amount} of clock time has run from {@code from}. */
    Instant plus(Instant from, Duration amount) {
        return clock.plus(from, amount, calendar);
    }

    /** Whether a deadline has passed while the case was open, as far as the events so far tell. */
    boolean passed() {
        return firstPassed != null;
    }

    void extend(Instant at, Instant newDue) {
        observe(at);
        start = at;
        due = newDue;
    }

    void suspend(Instant at) {
        observe(at);
        status = Status.SUSPENDED;
        suspendedAt = at;
    }

    void resume(Instant at) {
        observe(at);
        due = shift(suspendedAt, at, due);
        status = Status.RUNNING;
        suspendedAt = null;
    }

    void stop(Instant at) {
        observe(at);
        status = Status.STOPPED;
    }

    void reopen(Instant at, Instant newDue, ClockKind newClock) {
        observe(at);
        start = at;
        due = newDue;
        clock = newClock;
        status = Status.RUNNING;
    }

    /** A point still ahead when the clock paused keeps its remaining clock time after the pause. */
    Instant shift(Instant pausedAt, Instant resumedAt, Instant point) {
        if (!point.isAfter(pausedAt)) {
            return point;
        }
        return clock.plus(resumedAt, clock.between(pausedAt, point, calendar), calendar);
    }

    /**
     * When the OVERDUE alert of this case fires if nothing more happens after the planned events: the first
     * deadline passed while running, else the current one if the clock still runs; null if none ever fires.
     */
    Instant overdueAt() {
        if (firstPassed != null) {
            return firstPassed;
        }
        return status == Status.RUNNING ? due : null;
    }

    /** The rule fires every deadline strictly before an event of a running case before applying it. */
    private void observe(Instant eventAt) {
        if (firstPassed == null && status == Status.RUNNING && due.isBefore(eventAt)) {
            firstPassed = due;
        }
    }
}
