package org.gridwarden.rules.risk;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * A grid's risk index (网格风险指数) as published at event time {@code at}: the decayed sum of its alerts'
 * weights, 0 when the grid has gone quiet. The same input gives the same records, live and in replay.
 *
 * @param riskId the grid and the publishing time, e.g. {@code S01C01G01@1763254800000}
 * @param index rounded to three decimals
 */
@TypeInfo(WireRecord.class)
public record GridRisk(String riskId, String gridId, String communityId, String streetId, double index,
        Instant at) {

    public static GridRisk of(String gridId, String communityId, String streetId, double index, Instant at) {
        return new GridRisk(gridId + "@" + at.toEpochMilli(), gridId, communityId, streetId,
                Math.round(index * 1000) / 1000.0, at);
    }
}
