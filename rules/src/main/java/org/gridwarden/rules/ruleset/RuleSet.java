package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/**
 * Every parameter of every rule (规则集). Safety supervisors edit it as YAML; its version goes on every alert.
 */
public record RuleSet(String version, IngestRules ingest, OverdueRules overdue) implements Serializable {}
