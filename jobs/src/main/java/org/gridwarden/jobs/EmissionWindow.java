package org.gridwarden.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridwarden.rules.ruleset.LookBack;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * The alerts a replay emits (输出窗口): those whose event time lies in {@code [emitFrom, emitTo)}, computed
 * from the events since a warm-up (预热) before {@code emitFrom}, so that the state they need (open cases,
 * complaint counts, last patrols) is built as a replay of all history would have built it.
 *
 * @param emitFrom the first event time emitted; null for the whole history (then nothing is warmed up)
 * @param emitTo the end of the window, excluded; null for up to the horizon
 * @param warmUp how long before {@code emitFrom} reading starts; null for the rule sets' longest look-back
 *     ({@link LookBack}). Reading starts at the beginning of the district's day it falls on.
 */
public record EmissionWindow(Instant emitFrom, Instant emitTo, Duration warmUp) {

    /** Every alert, from all history. */
    public static final EmissionWindow ALL = new EmissionWindow(null, null, null);

    public EmissionWindow {
        if (emitFrom != null && emitTo != null && !emitFrom.isBefore(emitTo)) {
            throw new IllegalArgumentException("emitFrom " + emitFrom + " is not before emitTo " + emitTo);
        }
        if (warmUp != null && (emitFrom == null || warmUp.isNegative())) {
            throw new IllegalArgumentException("a warm-up needs emitFrom and must not be negative: " + warmUp);
        }
    }

    /** The event time from which a replay reads: null for all history. */
    public Instant readFrom(RuleSetHistory history, WorkingCalendar calendar) {
        if (emitFrom == null) {
            return null;
        }
        Instant start = warmUp != null ? emitFrom.minus(warmUp) : LookBack.warmUpStart(history, emitFrom, calendar);
        ZoneId zone = calendar.zone();
        return start.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The last day of a day archive the window needs (the day emitTo's last instant falls on), or null for all. */
    public LocalDate lastDay(ZoneId zone) {
        return emitTo == null ? null : emitTo.minusNanos(1).atZone(zone).toLocalDate();
    }

    /**
     * The horizon a run with this window asks for: {@code until}, never after {@code emitTo}; without
     * {@code until}, {@code emitTo} itself, as the window's history is complete up to there (else a deadline
     * between the last event of the window and its end would be held back). Null: the newest event decides.
     */
    public Instant horizon(Instant until) {
        if (until == null) {
            return emitTo;
        }
        return emitTo != null && emitTo.isBefore(until) ? emitTo : until;
    }

    public boolean contains(Instant eventTime) {
        return (emitFrom == null || !eventTime.isBefore(emitFrom)) && (emitTo == null || eventTime.isBefore(emitTo));
    }
}
