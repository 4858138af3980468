package org.gridwarden.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gridwarden.rules.alert.AlertLabel;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.complaint.CaseSubjectFacts;
import org.gridwarden.rules.complaint.ComplaintAfterClosureRule;
import org.gridwarden.rules.complaint.ComplaintSurgeRule;
import org.gridwarden.rules.complaint.RepeatComplaintRule;
import org.gridwarden.rules.complaint.SubjectFollowUps;
import org.gridwarden.rules.grid.SilentGridRule;
import org.gridwarden.rules.hazard.HazardCaseTracker;
import org.gridwarden.rules.hazard.HazardNotFiledRule;
import org.gridwarden.rules.hazard.HazardNotReportedRule;
import org.gridwarden.rules.hazard.PatrolMissedHazardRule;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.overdue.OverdueCaseRule;
import org.gridwarden.rules.ruleset.ComplaintAfterClosureRules;
import org.gridwarden.rules.ruleset.ComplaintSurgeRules;
import org.gridwarden.rules.ruleset.HazardNotFiledRules;
import org.gridwarden.rules.ruleset.HazardNotReportedRules;
import org.gridwarden.rules.ruleset.LookBack;
import org.gridwarden.rules.ruleset.PatrolMissedHazardRules;
import org.gridwarden.rules.ruleset.RepeatComplaintRules;
import org.gridwarden.rules.ruleset.RuleEntry;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.SilentGridRules;
import org.gridwarden.rules.ruleset.TimeSpan;

/**
 * The rule families (规则族), each declared once: the workflow wires every family a rule set switches on, the
 * rule-set loader knows the names after {@code rule:} from here, the validator which periods may count
 * working days, a replay its warm-up, reports and summaries the names of the alerts. Adding a family is its
 * package in {@code rules/}, its section in the rule-set schema ({@code contract/v1/ruleset.schema.json})
 * and one line here.
 *
 * <p>The operators are lambdas rather than method references, so reading the registry (labels, look-back)
 * loads no rule class and so no Flink class.
 */
public final class RuleFamilies {

    /** The complaints and closures per subject, one handler for both complaint families keyed by subject. */
    private static final KeyedHandler.Factory<LedgerEvent> SUBJECT_FACTS = ctx -> new CaseSubjectFacts(ctx);

    public static final RuleFamilies SHIPPED = new RuleFamilies(List.of(
            RuleFamilyDefinition.of(RuleFamily.OVERDUE, new Bilingual("案件超期", "Overdue cases"), "case",
                            (in, ctx) -> in.byCase(), // its alerts are the case operator's own
                            LookBack::caseLives,
                            label("OVERDUE_CASE", "案件超期", "Overdue case"),
                            label("SIGN_FOR_TIMEOUT", "签收超时", "Not signed for"))
                    .countingWorkingDaysIn("/escalationDelay", "/signForLimit", "/timeLimits/")
                    .followingCases(ctx -> new OverdueCaseRule(ctx)),
            RuleFamilyDefinition.of(RuleFamily.REPEAT_COMPLAINT, new Bilingual("重复投诉", "Repeated complaints"),
                            "complaint subject (complainant or building, and category family)",
                            (in, ctx) -> in.bySubject(), // its alerts are the subject operator's own
                            LookBack.period(RuleFamily.REPEAT_COMPLAINT, RepeatComplaintRules::window),
                            label("REPEAT_COMPLAINT", "重复投诉", "Repeat complaint"))
                    .followingCases(SUBJECT_FACTS)
                    .followingSubjects(ctx -> new RepeatComplaintRule(ctx)),
            RuleFamilyDefinition.of(RuleFamily.COMPLAINT_AFTER_CLOSURE,
                            new Bilingual("案结事不了", "Complaints after closure"),
                            "case, then complaint subject, then the closing event",
                            (in, ctx) -> in.raise(ComplaintAfterClosureRule.detect(in, ctx)),
                            RuleFamilies::complaintAfterClosureChains,
                            label("COMPLAINT_AFTER_CLOSURE", "案结事不了", "Complaint after closure"))
                    .followingCases(SUBJECT_FACTS)
                    .followingSubjects(ctx -> new SubjectFollowUps(ctx)),
            RuleFamilyDefinition.of(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID,
                    new Bilingual("隐患漏报", "Hazards not reported by the grid"), "grid and category family",
                    (in, ctx) -> in.raise(HazardNotReportedRule.detect(in.ledgerEvents(), in.gridReports(), ctx)),
                    history -> history.<HazardNotReportedRules>allParameters(RuleFamily.HAZARD_NOT_REPORTED_BY_GRID)
                            .stream().map(p -> List.of(p.lookBack(), p.grace())).toList(),
                    label("HAZARD_NOT_REPORTED_BY_GRID", "隐患漏报", "Hazard not reported by grid")),
            RuleFamilyDefinition.of(RuleFamily.PATROL_MISSED_HAZARD,
                            new Bilingual("巡查未发现", "Patrols that missed a hazard"),
                            "building (hazard cases by case first)",
                            (in, ctx) -> in.raise(PatrolMissedHazardRule.detect(in, ctx)),
                            RuleFamilies::patrolMissedHazardChains,
                            label("PATROL_MISSED_HAZARD", "巡查未发现", "Patrol missed hazard"))
                    .followingCases(ctx -> new HazardCaseTracker(ctx)),
            RuleFamilyDefinition.of(RuleFamily.HAZARD_NOT_FILED,
                    new Bilingual("隐患未立案", "Grid hazard reports not filed"), "grid",
                    (in, ctx) -> in.raise(HazardNotFiledRule.detect(in.ledgerEvents(), in.gridReports(), ctx)),
                    LookBack.period(RuleFamily.HAZARD_NOT_FILED, HazardNotFiledRules::within),
                    label("HAZARD_NOT_FILED", "隐患未立案", "Hazard not filed")),
            RuleFamilyDefinition.of(RuleFamily.SILENT_GRID, new Bilingual("网格静默", "Silent grids"),
                            "district (one key for all its grids)",
                            (in, ctx) -> in.raise(SilentGridRule.detect(in.ledgerEvents(), in.gridReports(), ctx)),
                            LookBack.period(RuleFamily.SILENT_GRID, SilentGridRules::silence),
                            label("SILENT_GRID", "网格静默", "Silent grid"))
                    .withoutCategory(),
            RuleFamilyDefinition.of(RuleFamily.COMPLAINT_SURGE, new Bilingual("群体性诉求", "Complaint surges"),
                    "community and category family",
                    (in, ctx) -> in.raise(ComplaintSurgeRule.detect(in.ledgerEvents(), ctx)),
                    LookBack.period(RuleFamily.COMPLAINT_SURGE, ComplaintSurgeRules::window),
                    label("COMPLAINT_SURGE", "群体性诉求", "Complaint surge"))));

    private final List<RuleFamilyDefinition> families;

    /** The families in the order they are wired, listed and reported; names and rule ids must be unique. */
    public RuleFamilies(List<RuleFamilyDefinition> families) {
        Set<String> keys = new HashSet<>();
        Set<String> ruleIds = new HashSet<>();
        for (RuleFamilyDefinition f : families) {
            if (!keys.add(f.family().key())) {
                throw new IllegalArgumentException("rule family " + f.family().key() + " is declared twice");
            }
            f.ruleIds().stream().filter(id -> !ruleIds.add(id)).findFirst().ifPresent(id -> {
                throw new IllegalArgumentException("rule id " + id + " is raised by two families");
            });
        }
        this.families = List.copyOf(families);
    }

    /** These families and one more, e.g. a family under test. */
    public RuleFamilies with(RuleFamilyDefinition another) {
        return new RuleFamilies(Stream.concat(families.stream(), Stream.of(another)).toList());
    }

    public List<RuleFamilyDefinition> all() {
        return families;
    }

    /** The rule-set sections of the families, in registry order. */
    public List<RuleFamily> families() {
        return families.stream().map(RuleFamilyDefinition::family).toList();
    }

    /** The names written after {@code rule:}, in registry order. */
    public List<String> keys() {
        return families.stream().map(f -> f.family().key()).toList();
    }

    public Optional<RuleFamily> byKey(String key) {
        return families.stream().map(RuleFamilyDefinition::family).filter(f -> f.key().equals(key)).findFirst();
    }

    public RuleFamilyDefinition of(RuleFamily family) {
        return families.stream().filter(f -> f.family().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rule family " + family.key()
                        + " has no line in the registry of rule families; its entries would never run"));
    }

    /** Every rule id the families raise, with its label, in registry order. */
    public List<AlertLabel> alertLabels() {
        return families.stream().flatMap(f -> f.alerts().stream()).toList();
    }

    public Optional<AlertLabel> alertLabel(String ruleId) {
        return alertLabels().stream().filter(l -> l.ruleId().equals(ruleId)).findFirst();
    }

    /**
     * The families some version of {@code history} switches on, in registry order. A rule set naming a family
     * that is not registered is refused rather than skipped: its alerts would silently never come.
     */
    public List<RuleFamilyDefinition> running(RuleSetHistory history) {
        history.versions().stream().flatMap(rs -> rs.rules().stream()).filter(RuleEntry::enabled)
                .map(RuleEntry::family).distinct().forEach(this::of);
        return families.stream().filter(f -> history.runs(f.family())).toList();
    }

    private static AlertLabel label(String ruleId, String zh, String en) {
        return new AlertLabel(ruleId, new Bilingual(zh, en));
    }

    /** The closed case's life (its CREATED names the subject), then the window; or the window alone. */
    private static List<List<TimeSpan>> complaintAfterClosureChains(RuleSetHistory history) {
        List<List<TimeSpan>> chains = new ArrayList<>();
        for (ComplaintAfterClosureRules p : history.<ComplaintAfterClosureRules>allParameters(
                RuleFamily.COMPLAINT_AFTER_CLOSURE)) {
            for (List<TimeSpan> life : LookBack.caseLives(history)) {
                List<TimeSpan> chain = new ArrayList<>(life);
                chain.add(p.window());
                chains.add(chain);
            }
            chains.add(List.of(p.window()));
        }
        return chains;
    }

    /** The follow-up, or the life of the open hazard case, whichever is longer. */
    private static List<List<TimeSpan>> patrolMissedHazardChains(RuleSetHistory history) {
        List<List<TimeSpan>> chains = new ArrayList<>(LookBack.<PatrolMissedHazardRules>period(
                RuleFamily.PATROL_MISSED_HAZARD, PatrolMissedHazardRules::followUp).of(history));
        chains.addAll(LookBack.caseLives(history));
        return chains;
    }
}
