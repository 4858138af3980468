package org.gridwarden.rules.complaint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
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
 * <p>Keyed by subject. Complaints wait in state until the watermark passes them, then count in event-time
 * order (ties by event id), so arrival order within the allowed lateness and BATCH replay give the same
 * alerts. State: the waiting complaints and the current count, which a timer empties once its newest
 * complaint is older than the longest window of any rule-set version.
 */
public final class RepeatComplaintRule extends KeyedProcessFunction<String, SubjectComplaint, Alert> {

    public static final String RULE_ID = "REPEAT_COMPLAINT";
    public static final String UID = "repeat-complaint-rule";
    public static final String NAME = "Repeated complaints (重复投诉)";

    private static final Comparator<LedgerEvent> EVENT_TIME_ORDER =
            Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId);

    private final RuleContext ctx;
    private final long longestWindow;

    private transient EventTimeBuffer<LedgerEvent> pending;
    private transient ListState<LedgerEvent> counted;

    RepeatComplaintRule(RuleContext ctx) {
        this.ctx = ctx;
        this.longestWindow = ctx.history().<RepeatComplaintRules>allParameters(RuleFamily.REPEAT_COMPLAINT).stream()
                .mapToLong(r -> r.window().toDuration().toMillis()).max().orElse(0);
    }

    public static DataStream<Alert> detect(DataStream<LedgerEvent> ledgerEvents, RuleContext ctx) {
        return ledgerEvents
                .flatMap(new ComplaintSubjects(RuleFamily.REPEAT_COMPLAINT, ctx))
                .uid(ctx.uid(UID + "-subjects")).name("Complaints by subject (重复投诉)")
                .keyBy(SubjectComplaint::subjectKey)
                .process(new RepeatComplaintRule(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-complaints", LedgerEvent.class, LedgerEvent::at,
                EVENT_TIME_ORDER);
        counted = getRuntimeContext().getListState(new ListStateDescriptor<>("counted-complaints", LedgerEvent.class));
    }

    @Override
    public void processElement(SubjectComplaint c, Context context, Collector<Alert> out) throws Exception {
        LedgerEvent e = c.complaint();
        pending.add(e.eventId(), e, context.timerService());
        long at = e.at().toEpochMilli();
        // registered on arrival, so a BATCH run (which ignores timers set at end of input) forgets alike
        context.timerService().registerEventTimeTimer(at + longestWindow + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext timerCtx, Collector<Alert> out) throws Exception {
        List<LedgerEvent> count = new ArrayList<>();
        counted.get().forEach(count::add);
        for (LedgerEvent e : pending.takeReady(timestamp)) {
            InForce<RepeatComplaintRules> rules = ctx.<RepeatComplaintRules>inForce(
                    RuleFamily.REPEAT_COMPLAINT, e.at(), e.gridId(), e.category()).orElse(null);
            if (rules == null) {
                continue;
            }
            long earliest = e.at().minus(rules.parameters().window().toDuration()).toEpochMilli();
            count.removeIf(old -> old.at().toEpochMilli() < earliest);
            count.add(e);
            if (count.size() >= rules.parameters().threshold()) {
                out.collect(alert(timerCtx.getCurrentKey(), count, rules));
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

    private Alert alert(String subjectKey, List<LedgerEvent> complaints, InForce<RepeatComplaintRules> rules) {
        LedgerEvent first = complaints.get(0);
        LedgerEvent last = complaints.get(complaints.size() - 1);
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

        List<String> caseIds = complaints.stream().map(LedgerEvent::caseId).toList();
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
                complaints.stream().map(LedgerEvent::eventId).toList(), last.at(), null),
                rules.version(), first.at());
    }
}
