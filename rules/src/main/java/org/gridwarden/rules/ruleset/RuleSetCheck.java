package org.gridwarden.rules.ruleset;

import java.util.List;

/**
 * The outcome of checking one rule-set file: the rule set when it may go live, else every problem found, in
 * file order.
 *
 * @param ruleSet null when there are problems
 */
public record RuleSetCheck(String source, RuleSet ruleSet, List<RuleSetProblem> problems) {

    public RuleSetCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The problems as {@code FILE:LINE:COLUMN: field: message} lines. */
    public List<String> messages() {
        return problems.stream().map(RuleSetProblem::toString).toList();
    }
}
