package org.gridwarden.report;

import java.util.List;
import java.util.Map;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.model.AlertLevel;

/**
 * Names of the rules and alert levels as an operations center reads them; the rules' names come from the
 * registry of rule families. A rule id the report does not know (one of a newer version, in older alert files
 * the other way round) is shown by its id rather than dropped.
 */
public final class AlertLabels {

    /** Every rule id the shipped rules raise, in the order the report lists them. */
    public static final List<Label> RULES = RuleFamilies.SHIPPED.alertLabels().stream()
            .map(l -> new Label(l.ruleId(), l.name().zh(), l.name().en())).toList();

    private static final Map<AlertLevel, Label> LEVELS = Map.of(
            AlertLevel.WARNING, new Label("WARNING", "警示", "Warning"),
            AlertLevel.OVERDUE, new Label("OVERDUE", "超期", "Overdue"),
            AlertLevel.ESCALATED, new Label("ESCALATED", "升级督办", "Escalated"),
            AlertLevel.ALERT, new Label("ALERT", "预警", "Alert"),
            AlertLevel.CRITICAL, new Label("CRITICAL", "紧急", "Critical"));

    private AlertLabels() {}

    public static Label rule(String ruleId) {
        return RULES.stream().filter(l -> l.key().equals(ruleId)).findFirst()
                .orElseGet(() -> new Label(ruleId, ruleId, null));
    }

    public static Label level(AlertLevel level) {
        return LEVELS.get(level);
    }
}
