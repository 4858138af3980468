package org.gridwarden.rules.grid;

import java.time.Instant;

/**
 * The current silence of one grid: since when no patrol has been seen, and the patrol that started it.
 *
 * @param since the last patrol's event time, or the stream's start for a grid never patrolled since then
 * @param lastPatrolId the last patrol's report id; null when the grid has not been patrolled since the start
 */
public record Silence(Instant since, String lastPatrolId) {}
