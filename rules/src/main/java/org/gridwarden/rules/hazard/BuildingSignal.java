package org.gridwarden.rules.hazard;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * One input of the building-keyed patrol rule: a "nothing found" patrol of the building, or the latest known
 * state of a hazard case on it. Exactly one of {@code patrol} and {@code hazardCase} is set.
 */
@TypeInfo(WireRecord.class)
public record BuildingSignal(String buildingId, GridReport patrol, HazardCase hazardCase) {

    public static BuildingSignal of(GridReport patrol) {
        return new BuildingSignal(patrol.buildingId(), patrol, null);
    }

    public static BuildingSignal of(HazardCase hazardCase) {
        return new BuildingSignal(hazardCase.buildingId(), null, hazardCase);
    }
}
