package org.gridwarden.connectors.replay;

import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;

/** One output of a bounded run as it reaches the client: an alert or a dead letter. */
public record ReplayRecord(Alert alert, DeadLetter deadLetter) {

    public static ReplayRecord of(Alert alert) {
        return new ReplayRecord(alert, null);
    }

    public static ReplayRecord of(DeadLetter deadLetter) {
        return new ReplayRecord(null, deadLetter);
    }
}
