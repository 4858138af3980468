package org.gridwarden.rules.risk;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * A grid's index in keyed state: its value at {@code indexAt} (full precision) and what was last published.
 * The grid's community and street travel along for the published records.
 */
@TypeInfo(WireRecord.class)
public record RiskState(String gridId, String communityId, String streetId, double index, long indexAt,
        double published, long publishedAt) {

    /** The index decayed to {@code t}; strict math, so every machine computes the same value. */
    double at(long t, long halfLife) {
        return index * StrictMath.pow(2, -(double) (t - indexAt) / halfLife);
    }

    RiskState withIndex(double value, long at) {
        return new RiskState(gridId, communityId, streetId, value, at, published, publishedAt);
    }

    RiskState published(double value, long at) {
        return new RiskState(gridId, communityId, streetId, index, indexAt, value, at);
    }

    GridRisk publish(long at, double value) {
        return GridRisk.of(gridId, communityId, streetId, value, Instant.ofEpochMilli(at));
    }
}
