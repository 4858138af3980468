package org.gridwarden.rules.grid;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * The current silence of one grid: since when no patrol has been seen, and the patrol that started it.
 *
 * @param since the last patrol's event time, or the stream's start for a grid never patrolled since then
 * @param lastPatrolId the last patrol's report id; null when the grid has not been patrolled since the start
 */
@TypeInfo(WireRecord.class)
public record Silence(Instant since, String lastPatrolId) {}
