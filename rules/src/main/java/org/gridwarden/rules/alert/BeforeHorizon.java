package org.gridwarden.rules.alert;

import java.time.Instant;
import org.apache.flink.api.common.functions.FilterFunction;
import org.gridwarden.rules.model.Alert;

/**
 * Keeps only alerts that became true at or before the horizon of a bounded run. At end of input every
 * event-time timer fires, so deadlines after the horizon would otherwise raise alerts that have not happened.
 */
public final class BeforeHorizon implements FilterFunction<Alert> {

    private final Instant horizon;

    public BeforeHorizon(Instant horizon) {
        this.horizon = horizon;
    }

    @Override
    public boolean filter(Alert alert) {
        return !alert.eventTime().isAfter(horizon);
    }
}
