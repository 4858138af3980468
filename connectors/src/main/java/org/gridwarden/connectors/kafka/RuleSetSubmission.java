package org.gridwarden.connectors.kafka;

/**
 * A rule-set version submitted for the live job on the control topic: the record key is the version, the value
 * the YAML text exactly as the supervisor wrote it (comments included), so what went live can be read back.
 */
public record RuleSetSubmission(String version, String text) {}
