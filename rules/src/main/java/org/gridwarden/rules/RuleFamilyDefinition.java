package org.gridwarden.rules;

import java.util.List;
import org.gridwarden.rules.alert.AlertLabel;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.complaint.CaseFact;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.LookBack;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * Everything the rest of the system needs to know about one rule family, declared once in
 * {@link RuleFamilies}: the workflow wires it, the rule-set loader and validator check its entries, a replay
 * sizes its warm-up by it, and reports and summaries name its alerts by it.
 *
 * @param family the rule-set section: the name after {@code rule:} and the record of an entry's parameters
 * @param name the family as supervisors and operators read it
 * @param keyedBy what the family's keyed state is kept per, e.g. "case" or "grid and category family"
 * @param alerts the rule ids the family raises, each with its label
 * @param operator how the family builds its operators from the admitted input
 * @param lookBack the chains of periods from the earliest event that can decide an alert to the alert
 * @param workingDayPeriods the parameters (JSON pointers, a trailing {@code /} for a whole block) that may be
 *     counted in working days; every other period runs on the clock
 * @param decidesWithoutCategory whether its events have no category, so a scope by families or categories
 *     never applies to it
 * @param caseHandler its part of the one operator keyed by case, or null when it keeps no state per case
 * @param subjectHandler its part of the one operator keyed by complaint subject, or null
 */
public record RuleFamilyDefinition(RuleFamily family, Bilingual name, String keyedBy, List<AlertLabel> alerts,
        AlertOperator operator, LookBack.Chains lookBack, List<String> workingDayPeriods,
        boolean decidesWithoutCategory, KeyedHandler.Factory<LedgerEvent> caseHandler,
        KeyedHandler.Factory<CaseFact> subjectHandler) {

    public RuleFamilyDefinition {
        alerts = List.copyOf(alerts);
        workingDayPeriods = List.copyOf(workingDayPeriods);
    }

    /** A family whose periods all run on the clock and whose events have a category. */
    public static RuleFamilyDefinition of(RuleFamily family, Bilingual name, String keyedBy,
            AlertOperator operator, LookBack.Chains lookBack, AlertLabel... alerts) {
        return new RuleFamilyDefinition(family, name, keyedBy, List.of(alerts), operator, lookBack, List.of(),
                false, null, null);
    }

    public RuleFamilyDefinition countingWorkingDaysIn(String... periods) {
        return new RuleFamilyDefinition(family, name, keyedBy, alerts, operator, lookBack, List.of(periods),
                decidesWithoutCategory, caseHandler, subjectHandler);
    }

    public RuleFamilyDefinition withoutCategory() {
        return new RuleFamilyDefinition(family, name, keyedBy, alerts, operator, lookBack, workingDayPeriods, true,
                caseHandler, subjectHandler);
    }

    /** A family that follows cases: its handler runs in the one operator keyed by case, beside the others'. */
    public RuleFamilyDefinition followingCases(KeyedHandler.Factory<LedgerEvent> handler) {
        return new RuleFamilyDefinition(family, name, keyedBy, alerts, operator, lookBack, workingDayPeriods,
                decidesWithoutCategory, handler, subjectHandler);
    }

    /**
     * A family that follows complaint subjects: its handler runs in the one operator keyed by subject, on the
     * subject facts the operator keyed by case emits.
     */
    public RuleFamilyDefinition followingSubjects(KeyedHandler.Factory<CaseFact> handler) {
        return new RuleFamilyDefinition(family, name, keyedBy, alerts, operator, lookBack, workingDayPeriods,
                decidesWithoutCategory, caseHandler, handler);
    }

    public List<String> ruleIds() {
        return alerts.stream().map(AlertLabel::ruleId).toList();
    }

    /**
     * Builds a family's operators (with their stable uids, through {@link RuleContext#uid}) from the admitted
     * input and adds its alert streams. No Flink type appears in this signature, so the registry, its labels and
     * its look-back load without Flink, as the report and the rule-set tools do.
     */
    @FunctionalInterface
    public interface AlertOperator {
        void wire(RuleStreams streams, RuleContext ctx);
    }
}
