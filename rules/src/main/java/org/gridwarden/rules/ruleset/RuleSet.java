package org.gridwarden.rules.ruleset;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;

/**
 * Every parameter of every rule (规则集), in force from {@code effectiveFrom}. Safety supervisors edit it as
 * YAML; its version goes on every alert it produces. A rule family may appear in several entries with
 * different scopes: for an event, the first entry whose scope covers it applies.
 */
public record RuleSet(String version, Instant effectiveFrom, IngestRules ingest, List<RuleEntry> rules,
        RiskIndexRules risk) implements Serializable {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** A rule set with the risk index's default parameters. */
    public RuleSet(String version, Instant effectiveFrom, IngestRules ingest, List<RuleEntry> rules) {
        this(version, effectiveFrom, ingest, rules, RiskIndexRules.defaults());
    }

    public RuleSet withIngest(IngestRules newIngest) {
        return new RuleSet(version, effectiveFrom, newIngest, rules, risk);
    }

    /** This rule set with entry {@code entryId}'s parameters replaced, e.g. to try a changed threshold. */
    public RuleSet withParameters(String entryId, RuleParameters parameters) {
        if (rules.stream().noneMatch(e -> e.id().equals(entryId))) {
            throw new IllegalArgumentException("no entry " + entryId + " in rule set " + version);
        }
        return new RuleSet(version, effectiveFrom, ingest, rules.stream()
                .map(e -> e.id().equals(entryId) ? new RuleEntry(e.id(), e.family(), e.scope(), parameters) : e)
                .toList(), risk);
    }

    /** This rule set as another version, in force from {@code from}. */
    public RuleSet asVersion(String newVersion, Instant from) {
        return new RuleSet(newVersion, from, ingest, rules, risk);
    }

    /** The entry that applies to an event at {@code place} about {@code category}, enabled or not. */
    public Optional<RuleEntry> entryFor(RuleFamily family, GridPlace place, Category category) {
        return rules.stream().filter(e -> e.family().equals(family) && e.scope().covers(place, category)).findFirst();
    }

    public List<RuleEntry> entries(RuleFamily family) {
        return rules.stream().filter(e -> e.family().equals(family)).toList();
    }

    /** Whether any entry of the family is switched on, i.e. whether the family must run at all. */
    public boolean runs(RuleFamily family) {
        return rules.stream().anyMatch(e -> e.family().equals(family) && e.enabled());
    }

    /** The parameters of the family's entry that applies everywhere, or null when it has none. */
    @SuppressWarnings("unchecked")
    public <P extends RuleParameters> P general(RuleFamily family) {
        return (P) rules.stream().filter(e -> e.family().equals(family) && e.scope().isEverywhere()).findFirst()
                .map(RuleEntry::parameters).orElse(null);
    }

    public OverdueRules overdue() {
        return general(RuleFamily.OVERDUE);
    }

    public RepeatComplaintRules repeatComplaint() {
        return general(RuleFamily.REPEAT_COMPLAINT);
    }

    public ComplaintAfterClosureRules complaintAfterClosure() {
        return general(RuleFamily.COMPLAINT_AFTER_CLOSURE);
    }

    public HazardNotReportedRules hazardNotReportedByGrid() {
        return general(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID);
    }

    public PatrolMissedHazardRules patrolMissedHazard() {
        return general(RuleFamily.PATROL_MISSED_HAZARD);
    }

    public HazardNotFiledRules hazardNotFiled() {
        return general(RuleFamily.HAZARD_NOT_FILED);
    }

    public SilentGridRules silentGrid() {
        return general(RuleFamily.SILENT_GRID);
    }

    public ComplaintSurgeRules complaintSurge() {
        return general(RuleFamily.COMPLAINT_SURGE);
    }
}
