package org.gridwarden.rules.ruleset;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.gridwarden.rules.model.AlertLevel;

/**
 * How the per-grid risk index (网格风险指数) is kept and published: each alert adds its level's weight, and the
 * sum halves every {@code halfLife}. A grid's index is published when it moved by more than {@code step} since
 * it was last published, and otherwise every {@code interval} while it fades; once it falls below
 * {@code floor} the grid is quiet, published as 0 once and forgotten.
 *
 * @param halfLife the time in which an alert's weight halves
 * @param weights the weight an alert adds, per level
 * @param step the change that publishes the index at once
 * @param interval how often a fading index is published, at least
 * @param floor the index below which a grid is quiet
 */
public record RiskIndexRules(TimeSpan halfLife, Map<AlertLevel, Double> weights, double step, TimeSpan interval,
        double floor) implements Serializable {

    /** What a rule set that has no {@code risk} section, or names only part of it, gets. */
    static final Map<String, Object> DEFAULTS = Map.of("halfLife", "7d",
            "weights", Map.of("WARNING", 1, "OVERDUE", 2, "ESCALATED", 4, "ALERT", 3, "CRITICAL", 8),
            "step", 0.5, "interval", "24h", "floor", 0.2);

    public RiskIndexRules {
        // in the order of the levels, so that every listing of them (rules diff) reads the same
        EnumMap<AlertLevel, Double> ordered = new EnumMap<>(AlertLevel.class);
        ordered.putAll(weights);
        weights = Collections.unmodifiableMap(ordered);
    }

    /** The parameters of {@link #DEFAULTS}. */
    public static RiskIndexRules defaults() {
        Map<AlertLevel, Double> weights = new EnumMap<>(AlertLevel.class);
        ((Map<?, ?>) DEFAULTS.get("weights")).forEach((level, weight) ->
                weights.put(AlertLevel.valueOf((String) level), ((Number) weight).doubleValue()));
        return new RiskIndexRules(TimeSpan.parse((String) DEFAULTS.get("halfLife")), weights,
                ((Number) DEFAULTS.get("step")).doubleValue(), TimeSpan.parse((String) DEFAULTS.get("interval")),
                ((Number) DEFAULTS.get("floor")).doubleValue());
    }

    /** The weight of an alert of {@code level}; a level the section does not name weighs nothing. */
    public double weight(AlertLevel level) {
        return weights.getOrDefault(level, 0.0);
    }
}
