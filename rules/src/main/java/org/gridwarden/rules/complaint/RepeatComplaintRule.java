package org.gridwarden.rules.complaint;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RepeatComplaintRules;

/**
 * Repeated complaints (重复投诉): the complaint that makes {@code threshold} complaints of one subject (same
 * complainant, or same building/address, and the same category family) within {@code window} from first to
 * last raises one WARNING to the department that owns the category at its first tier. Counting then restarts
 * after that complaint (skip past the last event), so the next alert needs {@code threshold} new complaints.
 *
 * <p>A CEP pattern keyed by subject. CEP buffers events until the watermark passes them and orders them by
 * event time (ties by event id), so any arrival order within the allowed lateness, and BATCH replay, give the
 * same matches. State: the pattern's {@code within} drops partial matches older than the window.
 */
public final class RepeatComplaintRule {

    public static final String RULE_ID = "REPEAT_COMPLAINT";
    public static final String UID = "repeat-complaint-rule";
    public static final String NAME = "Repeated complaints (重复投诉)";

    private static final String COMPLAINTS = "complaints";

    private RepeatComplaintRule() {}

    public static DataStream<Alert> detect(DataStream<LedgerEvent> ledgerEvents, RuleContext ctx) {
        RepeatComplaintRules rules = ctx.ruleSet().repeatComplaint();
        KeyedStream<SubjectComplaint, String> bySubject = ledgerEvents
                .flatMap(new ComplaintSubjects(rules.channels(), ctx))
                .uid(ctx.uid(UID + "-subjects")).name("Complaints by subject (重复投诉)")
                .keyBy(SubjectComplaint::subjectKey);
        return CEP.pattern(bySubject, pattern(rules), new ByEventId())
                .process(new RepeatComplaintMatch(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    /**
     * {@code threshold} complaints in a row of one subject. CEP times a partial match out once
     * {@code last - first >= within}; the rule allows a span of exactly {@code window}, hence one millisecond more.
     */
    static Pattern<SubjectComplaint, SubjectComplaint> pattern(RepeatComplaintRules rules) {
        return Pattern.<SubjectComplaint>begin(COMPLAINTS, AfterMatchSkipStrategy.skipPastLastEvent())
                .times(rules.threshold())
                .within(rules.window().toDuration().plus(Duration.ofMillis(1)));
    }

    /** Complaints at the same instant in a fixed order, so live and replay pick the same ones. */
    static final class ByEventId implements EventComparator<SubjectComplaint> {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(SubjectComplaint a, SubjectComplaint b) {
            return a.complaint().eventId().compareTo(b.complaint().eventId());
        }
    }

    static final class RepeatComplaintMatch extends PatternProcessFunction<SubjectComplaint, Alert> {
        private static final long serialVersionUID = 1L;

        private final RuleContext ctx;

        RepeatComplaintMatch(RuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void processMatch(Map<String, List<SubjectComplaint>> match, Context context, Collector<Alert> out) {
            List<SubjectComplaint> matched = match.get(COMPLAINTS);
            List<LedgerEvent> complaints = matched.stream().map(SubjectComplaint::complaint)
                    .sorted(Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId)).toList();
            String subjectKey = matched.get(0).subjectKey();
            LedgerEvent first = complaints.get(0);
            LedgerEvent last = complaints.get(complaints.size() - 1);

            ReferenceData ref = ctx.reference();
            Category category = ref.category(last.category()).orElseThrow();
            GridPlace place = ref.grid(last.gridId()).orElseThrow();
            String familyName = ref.family(category.family()).orElseThrow().name();
            AlertFactory alerts = ctx.alerts();
            Department department = ref.responsible(category, place, category.firstTier());

            String caseIds = String.join("、", complaints.stream().map(LedgerEvent::caseId).toList());
            String title = "重复投诉：" + Complaints.describeSubject(subjectKey) + "反映" + familyName + "问题"
                    + complaints.size() + "次";
            String message = Complaints.describeSubject(subjectKey) + "自" + alerts.local(first.at()) + "至"
                    + alerts.local(last.at()) + "（" + ctx.ruleSet().repeatComplaint().window().toChinese() + "内）就"
                    + familyName + "问题投诉" + complaints.size() + "次，案件：" + caseIds + "（最近一次在"
                    + place.grid().name() + "）。请" + department.name() + "核查前期处置情况，防止问题反复。";
            out.collect(alerts.create(new AlertFactory.Finding(
                    RULE_ID, AlertLevel.WARNING, subjectKey, last.eventId(), last.caseId(), department,
                    last.gridId(), last.category(), title, message,
                    complaints.stream().map(LedgerEvent::eventId).toList(), last.at(), null)));
        }
    }
}
