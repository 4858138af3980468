package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/**
 * One entry of a rule set (规则条目): a rule family with its parameters and the scope it applies to. A family
 * may have several entries; for an event the first entry in file order whose scope covers it applies.
 *
 * @param id unique within the rule set; named in errors, diffs and on alerts
 */
public record RuleEntry(String id, RuleFamily family, RuleScope scope, RuleParameters parameters)
        implements Serializable {

    public boolean enabled() {
        return parameters.enabled();
    }
}
