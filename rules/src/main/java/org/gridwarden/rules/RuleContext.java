package org.gridwarden.rules;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleParameters;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * What every rule family needs: the district, the rule sets in force over time and the alert factory.
 *
 * @param uidPrefix put before every operator uid, so two copies of the rules (a backtest's baseline and
 *     candidate) can run in one job; empty for the live job, whose savepoints depend on the uids
 */
public record RuleContext(ReferenceData reference, RuleSetHistory history, AlertFactory alerts, String uidPrefix)
        implements Serializable {

    public static RuleContext of(ReferenceData reference, RuleSet ruleSet) {
        return of(reference, RuleSetHistory.of(ruleSet));
    }

    public static RuleContext of(ReferenceData reference, RuleSetHistory history) {
        return new RuleContext(reference, history, new AlertFactory(reference), "");
    }

    /** The rules of a bounded run whose alerts end at {@code horizon}, when it is known before the run. */
    public RuleContext withHorizon(Instant horizon) {
        return new RuleContext(reference, history, alerts.withHorizon(horizon), uidPrefix);
    }

    public RuleContext withUidPrefix(String prefix) {
        return new RuleContext(reference, history, alerts, prefix);
    }

    /** The stable uid of an operator of this copy of the rules. */
    public String uid(String uid) {
        return uidPrefix + uid;
    }

    /** The newest rule set: what decides what runs at all (ingest settings, which families). */
    public RuleSet ruleSet() {
        return history.latest();
    }

    /** The parameters that decide an event of {@code family} at {@code t} in {@code gridId} about a category. */
    public <P extends RuleParameters> Optional<InForce<P>> inForce(
            RuleFamily family, Instant t, String gridId, String categoryCode) {
        return history.inForce(reference, family, t, gridId, categoryCode);
    }

    /** The family of a category code, or null when the code is unknown (validated input never has one). */
    public String familyOf(String categoryCode) {
        return reference.category(categoryCode).map(Category::family).orElse(null);
    }

    public boolean isHazard(String categoryCode) {
        return reference.category(categoryCode).map(Category::hazard).orElse(false);
    }
}
