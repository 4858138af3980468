package org.gridwarden.rules.time;

import java.time.Duration;
import java.time.Instant;

/**
 * How a case's clock runs: in calendar time (limits in hours) or in working time (limits in working days,
 * so weekends and holidays neither consume a time limit nor a suspension).
 */
public enum ClockKind {
    CALENDAR,
    WORKING;

    public Duration between(Instant from, Instant to, WorkingCalendar calendar) {
        if (this == WORKING) {
            return calendar.workingTimeBetween(from, to);
        }
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    public Instant plus(Instant from, Duration amount, WorkingCalendar calendar) {
        return this == WORKING ? calendar.plusWorkingTime(from, amount) : from.plus(amount);
    }
}
