package org.gridwarden.rules;

import java.io.Serializable;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;

/** What every rule family needs: the district, the rule set and the alert factory built from both. */
public record RuleContext(ReferenceData reference, RuleSet ruleSet, AlertFactory alerts) implements Serializable {

    public static RuleContext of(ReferenceData reference, RuleSet ruleSet) {
        return new RuleContext(reference, ruleSet, new AlertFactory(reference, ruleSet.version()));
    }

    /** The family of a category code, or null when the code is unknown (validated input never has one). */
    public String familyOf(String categoryCode) {
        return reference.category(categoryCode).map(Category::family).orElse(null);
    }

    public boolean isHazard(String categoryCode) {
        return reference.category(categoryCode).map(Category::hazard).orElse(false);
    }
}
