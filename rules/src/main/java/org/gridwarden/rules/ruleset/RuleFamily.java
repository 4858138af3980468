package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/**
 * A rule family as a rule set knows it: the name a supervisor writes after {@code rule:} and the record that
 * holds the parameters of one entry. Everything else a family declares (its operator, its alerts, its
 * look-back) is its line in {@link org.gridwarden.rules.RuleFamilies}, where the loader also learns which
 * names exist.
 *
 * <p>A record, not an enum, so that a family can be declared outside this list (a test's family); two
 * copies of one family (one deserialised in a task) are equal.
 *
 * @param key the name written in the rule set, e.g. {@code repeat-complaint}
 */
public record RuleFamily(String key, Class<? extends RuleParameters> parameters) implements Serializable {

    public static final RuleFamily OVERDUE = new RuleFamily("overdue", OverdueRules.class);
    public static final RuleFamily REPEAT_COMPLAINT = new RuleFamily("repeat-complaint", RepeatComplaintRules.class);
    public static final RuleFamily COMPLAINT_AFTER_CLOSURE =
            new RuleFamily("complaint-after-closure", ComplaintAfterClosureRules.class);
    public static final RuleFamily HAZARD_NOT_REPORTED_BY_GRID =
            new RuleFamily("hazard-not-reported-by-grid", HazardNotReportedRules.class);
    public static final RuleFamily PATROL_MISSED_HAZARD =
            new RuleFamily("patrol-missed-hazard", PatrolMissedHazardRules.class);
    public static final RuleFamily HAZARD_NOT_FILED = new RuleFamily("hazard-not-filed", HazardNotFiledRules.class);
    public static final RuleFamily SILENT_GRID = new RuleFamily("silent-grid", SilentGridRules.class);
    public static final RuleFamily COMPLAINT_SURGE = new RuleFamily("complaint-surge", ComplaintSurgeRules.class);

    @Override
    public String toString() {
        return key;
    }
}
