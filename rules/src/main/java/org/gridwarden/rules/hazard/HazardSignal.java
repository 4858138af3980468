package org.gridwarden.rules.hazard;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * One input of a hazard rule that relates grid reports to ledger cases: exactly one of {@code report} and
 * {@code created} is set. Both streams become this one type so that one keyed function (or one CEP pattern)
 * sees them together under {@code key}.
 */
@TypeInfo(WireRecord.class)
public record HazardSignal(String key, GridReport report, LedgerEvent created) {

    /** Keys signals by the fixed-length key of {@link #key}, which BATCH sorts on its bytes. */
    public static final IdKey<HazardSignal> BY_KEY = IdKey.by(HazardSignal::key);

    public static HazardSignal of(String key, GridReport report) {
        return new HazardSignal(key, report, null);
    }

    public static HazardSignal of(String key, LedgerEvent created) {
        return new HazardSignal(key, null, created);
    }

    public boolean isReport() {
        return report != null;
    }

    public long timeMillis() {
        return isReport() ? report.observedAt().toEpochMilli() : created.at().toEpochMilli();
    }

    /** Id of the underlying record: reportId or eventId. */
    public String id() {
        return isReport() ? report.reportId() : created.eventId();
    }
}
