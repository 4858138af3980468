package org.gridwarden.rules.ruleset;


/** 网格静默: a grid with no PATROL report for {@code silence}; one alert per silence episode. */
public record SilentGridRules(boolean enabled, TimeSpan silence) implements RuleParameters {}
