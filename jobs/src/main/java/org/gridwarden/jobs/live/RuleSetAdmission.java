package org.gridwarden.jobs.live;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.connectors.kafka.RuleSetSubmission;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.ruleset.RuleSetCheck;

/**
 * Whether a submitted rule-set version may go live after the versions in force (上线检查): it must parse, pass
 * every check against the district's reference data, and extend the history: a version name of its own and an
 * {@code effectiveFrom} later than the newest version's, so that no decision already taken falls under it.
 */
public final class RuleSetAdmission {

    /** The parsed rule set (null when the text did not parse) and every problem (none when admitted). */
    public record Verdict(RuleSet ruleSet, List<String> problems) {

        public boolean admitted() {
            return problems.isEmpty();
        }

        public Instant effectiveFrom() {
            return ruleSet == null ? null : ruleSet.effectiveFrom();
        }
    }

    private RuleSetAdmission() {}

    /** @param topic the control topic, which together with the version names the text in every problem */
    public static Verdict check(RuleSetSubmission submission, String topic, ReferenceData reference,
            RuleSetHistory inForce) {
        String source = topic + "[" + submission.version() + "]";
        RuleSetCheck checked = RuleSetLoader.check(source, submission.text(), reference);
        if (!checked.valid()) {
            return new Verdict(null, checked.messages());
        }
        RuleSet ruleSet = checked.ruleSet();
        List<String> problems = new ArrayList<>();
        if (ruleSet.version() != null && !ruleSet.version().equals(submission.version())) {
            problems.add(source + ": version: the rule set says " + ruleSet.version() + " but was submitted as "
                    + submission.version() + "; submit it with gridwarden rules deploy, which takes the version"
                    + " from the file");
        }
        if (inForce.versions().stream().anyMatch(rs -> rs.version().equals(submission.version()))) {
            problems.add(source + ": version: " + submission.version() + " is already in force; a changed rule set"
                    + " needs a version name of its own");
        }
        RuleSet newest = inForce.latest();
        if (ruleSet.effectiveFrom() != null && !ruleSet.effectiveFrom().isAfter(newest.effectiveFrom())) {
            problems.add(source + ": effectiveFrom: " + local(ruleSet.effectiveFrom(), reference) + " is not later"
                    + " than " + local(newest.effectiveFrom(), reference) + ", from when the newest version in force ("
                    + newest.version() + ") applies; a new version can only take over from a later time");
        }
        return new Verdict(ruleSet, problems);
    }

    private static String local(Instant t, ReferenceData reference) {
        return OffsetDateTime.ofInstant(t, reference.zone()).toString();
    }
}
