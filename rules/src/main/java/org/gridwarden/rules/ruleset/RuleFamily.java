package org.gridwarden.rules.ruleset;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rule families a rule-set entry can instantiate, with the name a supervisor writes after {@code rule:}
 * and the section record that holds the family's parameters.
 */
public enum RuleFamily {
    OVERDUE("overdue", "案件超期", OverdueRules.class),
    REPEAT_COMPLAINT("repeat-complaint", "重复投诉", RepeatComplaintRules.class),
    COMPLAINT_AFTER_CLOSURE("complaint-after-closure", "案结事不了", ComplaintAfterClosureRules.class),
    HAZARD_NOT_REPORTED_BY_GRID("hazard-not-reported-by-grid", "隐患漏报", HazardNotReportedRules.class),
    PATROL_MISSED_HAZARD("patrol-missed-hazard", "巡查未发现", PatrolMissedHazardRules.class),
    HAZARD_NOT_FILED("hazard-not-filed", "隐患未立案", HazardNotFiledRules.class),
    SILENT_GRID("silent-grid", "网格静默", SilentGridRules.class),
    COMPLAINT_SURGE("complaint-surge", "群体性诉求", ComplaintSurgeRules.class);

    private final String key;
    private final String chinese;
    private final Class<? extends RuleParameters> parameters;

    RuleFamily(String key, String chinese, Class<? extends RuleParameters> parameters) {
        this.key = key;
        this.chinese = chinese;
        this.parameters = parameters;
    }

    /** The name written in the rule set, e.g. {@code repeat-complaint}. */
    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public Class<? extends RuleParameters> parameters() {
        return parameters;
    }

    public static Optional<RuleFamily> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(RuleFamily::key).toList();
    }
}
