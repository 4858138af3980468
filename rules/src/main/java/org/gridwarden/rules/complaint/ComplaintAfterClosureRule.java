package org.gridwarden.rules.complaint;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.ComplaintAfterClosureRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * 案结事不了 (complaint after closure): a complaint on a subject (same complainant, or same building/address,
 * same category family) within {@code window} after a case on that subject was CLOSED raises one WARNING per
 * closure, at the first such complaint, to the department that closed the case (its latest ASSIGNED
 * department before the close, else the category's first-tier department).
 *
 * <p>Keyed timers in three stages rather than CEP, because the facts live under different keys: a CLOSED
 * names only its case, so {@link CaseSubjectFacts} (in the operator keyed by case) turns cases into per-subject
 * complaints and closures; {@link SubjectFollowUps} (in the operator keyed by subject) pairs each closure with
 * its first complaint; this last
 * stage (keyed by the CLOSED event) keeps the earliest of the candidates that the case's different subjects
 * produced, so a closure alerts once even when the new complaint shares both its complainant and its
 * building. Every stage buffers until the watermark passes and works in event-time order with fixed
 * tie-breaks, so arrival order within the allowed lateness and BATCH key order do not change the alerts; all
 * timers are registered on arrival. Here a closure is forgotten {@code window} after its close.
 */
public class ComplaintAfterClosureRule extends KeyedProcessFunction<Tuple2<Long, Long>, FollowUp, Alert> {

    /** Follow-ups by the fixed-length key of the closure they follow, which BATCH sorts on its bytes. */
    public static final IdKey<FollowUp> KEY = IdKey.by(FollowUp::closedEventId);

    public static final String RULE_ID = "COMPLAINT_AFTER_CLOSURE";
    public static final String UID = "complaint-after-closure-rule";
    public static final String NAME = "Complaints after closure (案结事不了)";

    private static final Comparator<FollowUp> FIRST_COMPLAINT = Comparator
            .comparing((FollowUp f) -> f.complaint().at())
            .thenComparing(f -> f.complaint().eventId())
            .thenComparing(f -> f.complaint().subjectKey());

    private final RuleContext ctx;
    /** The longest window of any rule-set version: when no candidate can come any more. */
    private final Duration window;

    private transient EventTimeBuffer<FollowUp> pending;
    /** Set once the closure has alerted: when to forget it. */
    private transient ValueState<Long> forgetAt;

    public ComplaintAfterClosureRule(RuleContext ctx) {
        this.ctx = ctx;
        this.window = longestWindow(ctx);
    }

    private static Duration longestWindow(RuleContext ctx) {
        return ctx.history().longest(RuleFamily.COMPLAINT_AFTER_CLOSURE, ComplaintAfterClosureRules::window);
    }

    /** Wires the last stage on the follow-ups of the operator keyed by subject. */
    public static DataStream<Alert> detect(RuleStreams in, RuleContext ctx) {
        return in.bySubject().getSideOutput(SubjectFollowUps.FOLLOW_UPS)
                .keyBy(KEY)
                .process(new ComplaintAfterClosureRule(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        pending = EventTimeBuffer.open(getRuntimeContext(), "candidates", FollowUp.class, f -> f.complaint().at(),
                FIRST_COMPLAINT);
        forgetAt = getRuntimeContext().getState(new ValueStateDescriptor<>("forget-at", Long.class));
    }

    @Override
    public void processElement(FollowUp f, Context c, Collector<Alert> out) throws Exception {
        pending.add(f.complaint().subjectKey() + ' ' + f.complaint().eventId(), f, c.timerService());
        c.timerService().registerEventTimeTimer(f.closure().at().plus(window).toEpochMilli());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext c, Collector<Alert> out) throws Exception {
        List<FollowUp> ready = pending.takeReady(timestamp);
        Long forget = forgetAt.value();
        InForce<ComplaintAfterClosureRules> rules = null;
        FollowUp first = null;
        for (FollowUp f : ready) {
            rules = inTime(f);
            if (rules != null) {
                first = f;
                break;
            }
        }
        if (forget == null && first != null) {
            out.collect(alert(first, rules));
            forget = first.closure().at().plus(window).toEpochMilli();
            forgetAt.update(forget);
        }
        // no candidate for this closure can come later than the window after the close
        if (forget != null && timestamp >= forget) {
            forgetAt.clear();
        }
    }

    /**
     * The entry that decides a candidate, the one in force for the new complaint, if its window reaches from
     * the close to the complaint; else null.
     */
    private InForce<ComplaintAfterClosureRules> inTime(FollowUp f) {
        CaseFact complaint = f.complaint();
        return ctx.<ComplaintAfterClosureRules>inForce(RuleFamily.COMPLAINT_AFTER_CLOSURE, complaint.at(),
                        complaint.gridId(), complaint.category())
                .filter(r -> !complaint.at().isAfter(f.closure().at().plus(r.parameters().window().toDuration())))
                .orElse(null);
    }

    private Alert alert(FollowUp f, InForce<ComplaintAfterClosureRules> rules) {
        CaseFact closure = f.closure();
        CaseFact complaint = f.complaint();
        ReferenceData ref = ctx.reference();
        Department closedBy = ref.department(closure.department()).orElseThrow();
        Category category = ref.category(closure.category()).orElseThrow();
        Category newCategory = ref.category(complaint.category()).orElseThrow();
        GridPlace place = ref.grid(closure.gridId()).orElseThrow();
        AlertFactory alerts = ctx.alerts();
        Bilingual cat = ReferenceNames.category(category);
        Bilingual newCat = ReferenceNames.category(newCategory);
        Bilingual grid = ReferenceNames.grid(place.grid());
        Bilingual by = ReferenceNames.department(closedBy);
        Bilingual subject = Complaints.describe(complaint.subjectKey());
        Bilingual window = ReferenceNames.span(rules.parameters().window());
        String closedAt = alerts.local(closure.at());
        String complainedAt = alerts.local(complaint.at());
        Bilingual title = new Bilingual("案结事不了：" + cat.zh() + "案件办结后再次被投诉",
                "Complaint after closure: " + cat.en() + " case complained about again");
        Bilingual message = new Bilingual(
                "案件" + closure.caseId() + "（" + grid.zh() + "，" + cat.zh() + "）于" + closedAt + "由" + by.zh()
                        + "办结，" + complainedAt + subject.zh() + "又就同类问题投诉（案件" + complaint.caseId() + "，"
                        + newCat.zh() + "），距办结不足" + window.zh() + "。请" + by.zh() + "复核办理结果，问题是否真正解决。",
                "Case " + closure.caseId() + " (" + grid.en() + ", " + cat.en() + ") was closed by " + by.en()
                        + " at " + closedAt + "; at " + complainedAt + " " + subject.en()
                        + " complained again about the same problem (case " + complaint.caseId() + ", "
                        + newCat.en() + "), less than " + window.en() + " after closure. " + by.en()
                        + " should review whether the problem was really solved.");
        return alerts.create(new AlertFactory.Finding(
                RULE_ID, AlertLevel.WARNING, complaint.subjectKey(), closure.eventId(), closure.caseId(), closedBy,
                closure.gridId(), closure.category(), title, message, List.of(closure.eventId(), complaint.eventId()),
                complaint.at(), null), rules.version());
    }
}
