package org.gridwarden.report;

import java.util.List;
import java.util.Map;
import org.gridwarden.rules.model.AlertLevel;

/**
 * Names of the rules and alert levels as an operations center reads them. A rule id the report does not know
 * (one added after this list) is shown by its id rather than dropped.
 */
public final class AlertLabels {

    /** Every rule id the shipped rules raise, in the order the report lists them. */
    public static final List<Label> RULES = List.of(
            new Label("OVERDUE_CASE", "案件超期", "Overdue case"),
            new Label("SIGN_FOR_TIMEOUT", "签收超时", "Not signed for"),
            new Label("REPEAT_COMPLAINT", "重复投诉", "Repeat complaint"),
            new Label("COMPLAINT_AFTER_CLOSURE", "案结事不了", "Complaint after closure"),
            new Label("HAZARD_NOT_REPORTED_BY_GRID", "隐患漏报", "Hazard not reported by grid"),
            new Label("PATROL_MISSED_HAZARD", "巡查未发现", "Patrol missed hazard"),
            new Label("HAZARD_NOT_FILED", "隐患未立案", "Hazard not filed"),
            new Label("SILENT_GRID", "网格静默", "Silent grid"),
            new Label("COMPLAINT_SURGE", "群体性诉求", "Complaint surge"));

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
