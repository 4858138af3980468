package org.gridwarden.jobs;

import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.model.Alert;

/**
 * {@link BeforeHorizon} inside a bounded job whose horizon is known before it starts, counting what it holds
 * back. At end of input every deadline still open fires; in a city's day that is twenty times the day's own
 * alerts, and carrying them out of the job to drop them cost a quarter of a replay's CPU.
 */
final class AlertsBeforeHorizon extends RichFilterFunction<Alert> {

    static final String AFTER_HORIZON = AlertFactory.AFTER_HORIZON;

    private final BeforeHorizon horizon;
    private transient LongCounter after;

    AlertsBeforeHorizon(Instant horizon) {
        this.horizon = new BeforeHorizon(horizon);
    }

    @Override
    public void open(OpenContext openContext) {
        after = getRuntimeContext().getLongCounter(AFTER_HORIZON);
    }

    @Override
    public boolean filter(Alert alert) {
        if (horizon.filter(alert)) {
            return true;
        }
        after.add(1);
        return false;
    }
}
