package org.gridwarden.rules.ruleset;


/** 隐患未立案: a grid HAZARD report not followed within {@code within} by a ledger case for it. */
public record HazardNotFiledRules(boolean enabled, TimeSpan within) implements RuleParameters {}
