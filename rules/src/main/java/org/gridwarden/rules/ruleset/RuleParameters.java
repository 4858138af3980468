package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/** The parameters of one rule family, as one rule-set entry gives them; {@code enabled: false} switches it off. */
public interface RuleParameters extends Serializable {

    boolean enabled();
}
