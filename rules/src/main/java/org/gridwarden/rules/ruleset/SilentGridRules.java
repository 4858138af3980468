package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/** 网格静默: a grid with no PATROL report for {@code silence}; one alert per silence episode. */
public record SilentGridRules(boolean enabled, TimeSpan silence) implements RuleParameters {}
