package org.gridwarden.rules.complaint;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.keyed.KeyScope;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RepeatComplaintRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * Repeated complaints (重复投诉): the complaint that makes {@code threshold} complaints of one subject (same
 * complainant, or same building/address, and the same category family) within {@code window} from first to
 * last raises one WARNING to the department that owns the category at its first tier. Counting then restarts
 * after that complaint, so the next alert needs {@code threshold} new complaints.
 *
 * <p>Threshold and window come from the rule-set entry in force for each complaint (its time, grid and
 * category), so they may change while a subject's count runs: the count survives a new rule-set version and
 * the new threshold applies from the first complaint after its effectiveFrom. A fixed CEP pattern could not
 * do that. The alert's identity is the episode (subject and first complaint), so a lowered threshold flags the
 * same episode earlier under the same alert id.
 *
 * <p>A handler of the operator keyed by subject ({@link SubjectRules}). Complaints wait in its shared buffer
 * until the watermark passes them, then count in event-time order (ties by event id), so arrival order within
 * the allowed lateness and BATCH replay give the same alerts. State: the current count, which a timer empties
 * once its newest complaint is older than the longest window of any rule-set version.
 */
public final class RepeatComplaintRule implements KeyedHandler<CaseFact> {

    public static final String RULE_ID = "REPEAT_COMPLAINT";

    private final RuleContext ctx;
    private final long longestWindow;

    private transient ListState<CaseFact> counted;

    public RepeatComplaintRule(RuleContext ctx) {
        this.ctx = ctx;
        this.longestWindow = ctx.history().<RepeatComplaintRules>allParameters(RuleFamily.REPEAT_COMPLAINT).stream()
                .mapToLong(r -> r.window().toDuration().toMillis()).max().orElse(0);
    }

    @Override
    public String name() {
        return "repeated complaints (重复投诉)";
    }

    @Override
    public void open(RuntimeContext runtime) {
        counted = runtime.getListState(new ListStateDescriptor<>("counted-complaints", CaseFact.class));
    }

    @Override
    public boolean readsInOrder() {
        return true;
    }

    @Override
    public void arrived(CaseFact f, KeyScope<CaseFact> scope) {
        if (f.countsForRepeats()) {
            // registered on arrival, so a BATCH run (which ignores timers set at end of input) forgets alike
            scope.registerTimer(forgetAt(f));
        }
    }

    @Override
    public void onTimer(long timestamp, List<CaseFact> ready, KeyScope<CaseFact> scope) throws Exception {
        List<CaseFact> count = new ArrayList<>();
        counted.get().forEach(count::add);
        for (CaseFact f : ready) {
            if (!f.countsForRepeats()) {
                continue;
            }
            InForce<RepeatComplaintRules> rules = ctx.<RepeatComplaintRules>inForce(
                    RuleFamily.REPEAT_COMPLAINT, f.at(), f.gridId(), f.category()).orElse(null);
            if (rules == null) {
                continue;
            }
            long earliest = f.at().minus(rules.parameters().window().toDuration()).toEpochMilli();
            count.removeIf(old -> old.at().toEpochMilli() < earliest);
            count.add(f);
            if (count.size() >= rules.parameters().threshold()) {
                scope.alert(alert(count, rules));
                count.clear();
            }
        }
        count.removeIf(old -> old.at().toEpochMilli() < timestamp - longestWindow);
        if (count.isEmpty()) {
            counted.clear();
        } else {
            counted.update(count);
        }
    }

    @Override
    public boolean needsTimerAt(long time) throws Exception {
        for (CaseFact f : counted.get()) {
            if (forgetAt(f) == time) {
                return true;
            }
        }
        return false;
    }

    private long forgetAt(CaseFact complaint) {
        return complaint.at().toEpochMilli() + longestWindow + 1;
    }

    private Alert alert(List<CaseFact> complaints, InForce<RepeatComplaintRules> rules) {
        String subjectKey = complaints.get(0).subjectKey();
        CaseFact first = complaints.get(0);
        CaseFact last = complaints.get(complaints.size() - 1);
        ReferenceData ref = ctx.reference();
        Category category = ref.category(last.category()).orElseThrow();
        GridPlace place = ref.grid(last.gridId()).orElseThrow();
        Bilingual family = ReferenceNames.family(ref.family(category.family()).orElseThrow(), category);
        Bilingual subject = Complaints.describe(subjectKey);
        Bilingual grid = ReferenceNames.grid(place.grid());
        Bilingual window = ReferenceNames.span(rules.parameters().window());
        AlertFactory alerts = ctx.alerts();
        Department department = ref.responsible(category, place, category.firstTier());
        Bilingual to = ReferenceNames.department(department);
        int n = complaints.size();
        String from = alerts.local(first.at());
        String until = alerts.local(last.at());

        List<String> caseIds = complaints.stream().map(CaseFact::caseId).toList();
        Bilingual title = new Bilingual("重复投诉：" + subject.zh() + "反映" + family.zh() + "问题" + n + "次",
                "Repeated complaints: " + subject.en() + ", " + family.en() + ", " + n + " times");
        Bilingual message = new Bilingual(
                subject.zh() + "自" + from + "至" + until + "（" + window.zh() + "内）就" + family.zh() + "问题投诉" + n
                        + "次，案件：" + String.join("、", caseIds) + "（最近一次在" + grid.zh() + "）。请" + to.zh()
                        + "核查前期处置情况，防止问题反复。",
                n + " complaints about " + family.en() + " from " + subject.en() + " between " + from + " and "
                        + until + " (within " + window.en() + "), cases " + String.join(", ", caseIds)
                        + " (the latest in " + grid.en() + "). " + to.en()
                        + " should review how the earlier ones were handled, so the problem does not recur.");
        return alerts.createEpisode(new AlertFactory.Finding(
                RULE_ID, AlertLevel.WARNING, subjectKey, first.eventId(), last.caseId(), department,
                last.gridId(), last.category(), title, message,
                complaints.stream().map(CaseFact::eventId).toList(), last.at(), null),
                rules.version(), first.at());
    }
}
