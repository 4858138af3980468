package org.gridwarden.rules.ruleset;

import java.util.Map;
import org.gridwarden.rules.model.Priority;

/**
 * Parameters of the overdue-case rule family (案件超期).
 *
 * @param enabled whether the rule runs
 * @param warningFraction share of the time limit after which a WARNING (临期) is raised, in (0, 1)
 * @param escalationDelay how long after the deadline an open case is escalated to the next tier (升级督办)
 * @param signForLimit how long a dispatched case may wait to be signed for (签收时限)
 * @param openCaseRetention a case with no event for this long is forgotten (guards against cases that never end)
 * @param closedCaseRetention how long a closed case is kept so that a REOPENED can restart it
 * @param timeLimits time limit per time-limit class and priority (办理时限)
 */
public record OverdueRules(
        boolean enabled,
        double warningFraction,
        TimeSpan escalationDelay,
        TimeSpan signForLimit,
        TimeSpan openCaseRetention,
        TimeSpan closedCaseRetention,
        Map<String, Map<Priority, TimeSpan>> timeLimits) implements RuleParameters {

    /** The time limit for a category's class and a case's priority (NORMAL when the case gives none). */
    public TimeSpan timeLimit(String timeLimitClass, Priority priority) {
        Map<Priority, TimeSpan> byPriority = timeLimits.get(timeLimitClass);
        if (byPriority == null) {
            throw new IllegalArgumentException("no time limits for class " + timeLimitClass);
        }
        return byPriority.get(priority == null ? Priority.NORMAL : priority);
    }
}
