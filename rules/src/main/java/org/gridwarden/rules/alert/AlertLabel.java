package org.gridwarden.rules.alert;

import java.io.Serializable;

/**
 * How a report or a summary names the alerts of one rule id, e.g. {@code OVERDUE_CASE} as 案件超期 / Overdue
 * case.
 */
public record AlertLabel(String ruleId, Bilingual name) implements Serializable {}
