package org.gridwarden.connectors.replay;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.wire.WireRecord;
import org.gridwarden.rules.risk.GridRisk;

/** One output of a bounded run as it reaches the client: an alert, a dead letter or a grid's risk index. */
@TypeInfo(WireRecord.class)
public record ReplayRecord(Alert alert, DeadLetter deadLetter, GridRisk risk) {

    public static ReplayRecord of(Alert alert) {
        return new ReplayRecord(alert, null, null);
    }

    public static ReplayRecord of(DeadLetter deadLetter) {
        return new ReplayRecord(null, deadLetter, null);
    }

    public static ReplayRecord of(GridRisk risk) {
        return new ReplayRecord(null, null, risk);
    }
}
