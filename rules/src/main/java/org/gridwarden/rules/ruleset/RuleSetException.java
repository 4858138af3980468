package org.gridwarden.rules.ruleset;

import java.util.List;

/** A rule set that must not go live, with every problem found (file, line and field where known). */
public class RuleSetException extends RuntimeException {

    private final List<String> problems;

    public RuleSetException(List<String> problems) {
        super("rule set is not valid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
