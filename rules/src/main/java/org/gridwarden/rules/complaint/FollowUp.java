package org.gridwarden.rules.complaint;

/** A complaint that came within the window after a closure on the same subject (案结事不了 candidate). */
public record FollowUp(CaseFact closure, CaseFact complaint) {

    public String closedEventId() {
        return closure.eventId();
    }
}
