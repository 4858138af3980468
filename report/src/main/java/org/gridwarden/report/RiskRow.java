package org.gridwarden.report;

import java.util.Map;

/**
 * A grid or street ranked by its risk score on the report day.
 *
 * @param place the grid or street (id, name)
 * @param within where it lies and who patrols it, e.g. "东湖街道 · 湖滨社区 · 网格员 任立新"; empty for a street
 * @param score the sum of the severities of the day's alerts about it (see {@link RiskScore})
 * @param alertsByRule the day's alerts about it per rule id, in the report's rule order
 */
public record RiskRow(Label place, String within, int alerts, int score, Map<String, Integer> alertsByRule) {}
