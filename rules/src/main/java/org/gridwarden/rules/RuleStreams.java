package org.gridwarden.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * The admitted input every rule family may read, and the alert streams the families add to it while the
 * workflow wires them.
 */
public final class RuleStreams {

    private final DataStream<LedgerEvent> ledgerEvents;
    private final DataStream<GridReport> gridReports;
    private final List<DataStream<Alert>> alerts = new ArrayList<>();

    public RuleStreams(DataStream<LedgerEvent> ledgerEvents, DataStream<GridReport> gridReports) {
        this.ledgerEvents = ledgerEvents;
        this.gridReports = gridReports;
    }

    public DataStream<LedgerEvent> ledgerEvents() {
        return ledgerEvents;
    }

    public DataStream<GridReport> gridReports() {
        return gridReports;
    }

    /** Adds a family's alerts to the workflow's output. */
    public void raise(DataStream<Alert> familyAlerts) {
        alerts.add(familyAlerts);
    }

    /** The alert streams added so far, in the order the families were wired. */
    public List<DataStream<Alert>> alerts() {
        return List.copyOf(alerts);
    }
}
