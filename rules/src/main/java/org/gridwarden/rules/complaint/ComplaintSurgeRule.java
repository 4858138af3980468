package org.gridwarden.rules.complaint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
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
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.ComplaintSurgeRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * Complaint surges (群体性诉求), keyed by community and category family: the complaint that first brings
 * {@code threshold} distinct complainants (complaints without one count for nobody) within {@code window}
 * (first to last) raises one CRITICAL alert each to the community's street office and to public security.
 * The surge episode lasts until the complaints of the last {@code window} come from fewer than
 * {@code threshold} people; only then can a new surge alert again.
 *
 * <p>Keyed timers rather than CEP: a distinct-people count over a sliding window is a set, not a sequence.
 * Every complaint is buffered and applied when the watermark passes it (event-time order, ties by event id),
 * so any arrival order within the allowed lateness gives the same alerts; each complaint also sets a timer at
 * the moment it leaves the window, where the episode's end is checked. Both timers are registered on arrival,
 * so a BATCH run (which ignores timers registered at end of input) replays the same sequence. State: the
 * window's complaints and the episode flag; both are empty, and no timer is left, {@code window} after the
 * last complaint.
 */
public class ComplaintSurgeRule extends KeyedProcessFunction<Tuple2<Long, Long>, SubjectComplaint, Alert> {

    /** Complaints by the fixed-length key of their community and family, which BATCH sorts on its bytes. */
    public static final IdKey<SubjectComplaint> KEY = IdKey.by(SubjectComplaint::subjectKey);

    public static final String RULE_ID = "COMPLAINT_SURGE";
    public static final String UID = "complaint-surge-rule";
    public static final String NAME = "Complaint surges (群体性诉求)";

    private static final Comparator<LedgerEvent> EVENT_TIME_ORDER =
            Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId);

    private final RuleContext ctx;

    private transient EventTimeBuffer<LedgerEvent> pending;
    private transient MapState<String, LedgerEvent> inWindow;
    private transient ValueState<Boolean> surging;

    public ComplaintSurgeRule(RuleContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The entry in force for a complaint (its time, grid and category); the community's flatMap let through
     * only complaints that one covers.
     */
    private InForce<ComplaintSurgeRules> rulesFor(LedgerEvent e) {
        return ctx.<ComplaintSurgeRules>inForce(RuleFamily.COMPLAINT_SURGE, e.at(), e.gridId(), e.category())
                .orElseThrow();
    }

    public static DataStream<Alert> detect(DataStream<LedgerEvent> ledgerEvents, RuleContext ctx) {
        return ledgerEvents
                .flatMap(new CommunityComplaints(ctx))
                .uid(ctx.uid(UID + "-communities")).name("Complaints by community (群体性诉求)")
                .keyBy(KEY)
                .process(new ComplaintSurgeRule(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-complaints", LedgerEvent.class, LedgerEvent::at,
                EVENT_TIME_ORDER);
        inWindow = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("window-complaints", String.class, LedgerEvent.class));
        surging = getRuntimeContext().getState(new ValueStateDescriptor<>("surging", Boolean.class));
    }

    @Override
    public void processElement(SubjectComplaint c, Context ctx, Collector<Alert> out) throws Exception {
        LedgerEvent e = c.complaint();
        pending.add(e.eventId(), e, ctx.timerService());
        long at = e.at().toEpochMilli();
        ctx.timerService().registerEventTimeTimer(at + rulesFor(e).parameters().window().toDuration().toMillis());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext timerCtx, Collector<Alert> out) throws Exception {
        InForce<ComplaintSurgeRules> rules = null;
        for (LedgerEvent e : pending.takeReady(timestamp)) {
            rules = rulesFor(e);
            inWindow.put(e.eventId(), e);
            dropBefore(e.at().minus(rules.parameters().window().toDuration()).toEpochMilli());
            if (!Boolean.TRUE.equals(surging.value()) && people() >= rules.parameters().threshold()) {
                raise(CommunityComplaints.subjectKey(e, ctx), e, rules, out);
                surging.update(true);
            }
        }
        LedgerEvent newest = newest();
        if (newest == null) {
            surging.clear();
        } else {
            // the window of the newest complaint's entry decides when the episode ends
            ComplaintSurgeRules current = rulesFor(newest).parameters();
            // what is left of the window just after this instant: complaints at exactly now - window leave it now
            dropBefore(timestamp - current.window().toDuration().toMillis() + 1);
            if (people() < current.threshold()) {
                surging.clear();
            }
        }
        if (inWindow.isEmpty()) {
            inWindow.clear(); // an emptied map still counts as a state entry
        }
    }

    /** Removes the window's complaints older than {@code earliest} (epoch millis). */
    private void dropBefore(long earliest) throws Exception {
        Iterator<LedgerEvent> it = inWindow.values().iterator();
        while (it.hasNext()) {
            if (it.next().at().toEpochMilli() < earliest) {
                it.remove();
            }
        }
    }

    private LedgerEvent newest() throws Exception {
        LedgerEvent newest = null;
        for (LedgerEvent e : inWindow.values()) {
            if (newest == null || EVENT_TIME_ORDER.compare(e, newest) > 0) {
                newest = e;
            }
        }
        return newest;
    }

    private long people() throws Exception {
        List<String> people = new ArrayList<>();
        for (LedgerEvent e : inWindow.values()) {
            people.add(e.complainantId());
        }
        return people.stream().filter(Objects::nonNull).distinct().count();
    }

    private void raise(String subjectKey, LedgerEvent completing, InForce<ComplaintSurgeRules> rules,
            Collector<Alert> out) throws Exception {
        List<LedgerEvent> complaints = new ArrayList<>();
        inWindow.values().forEach(complaints::add);
        complaints.sort(EVENT_TIME_ORDER);

        ReferenceData ref = ctx.reference();
        GridPlace place = ref.grid(completing.gridId()).orElseThrow();
        Category category = ref.category(completing.category()).orElseThrow();
        Bilingual family = ReferenceNames.family(ref.family(category.family()).orElseThrow(), category);
        Bilingual community = ReferenceNames.community(place.community());
        Department streetOffice = ref.department(place.street().department()).orElseThrow();
        Department police = ref.department(rules.parameters().alsoNotify()).orElseThrow();
        Bilingual office = ReferenceNames.department(streetOffice);
        Bilingual also = ReferenceNames.department(police);
        Bilingual window = ReferenceNames.span(rules.parameters().window());
        AlertFactory alerts = ctx.alerts();
        String from = alerts.local(complaints.get(0).at());
        String until = alerts.local(completing.at());
        long people = people();

        List<String> caseIds = complaints.stream().map(LedgerEvent::caseId).toList();
        Bilingual title = new Bilingual("群体性诉求预警：" + community.zh() + family.zh() + "问题集中投诉",
                "Group complaint warning: complaints about " + family.en() + " concentrate in " + community.en());
        Bilingual message = new Bilingual(
                community.zh() + "自" + from + "至" + until + "（" + window.zh() + "内）收到" + family.zh() + "问题投诉"
                        + complaints.size() + "件，来自" + people + "名不同投诉人，案件：" + String.join("、", caseIds)
                        + "。可能引发群体性事件，请" + office.zh() + "会同" + also.zh() + "及时介入、化解。",
                community.en() + " received " + complaints.size() + " complaints about " + family.en() + " from "
                        + people + " different complainants between " + from + " and " + until + " (within "
                        + window.en() + "), cases " + String.join(", ", caseIds) + ". This may grow into a mass"
                        + " incident; " + office.en() + " and " + also.en() + " should step in together and defuse it.");
        List<String> evidence = complaints.stream().map(LedgerEvent::eventId).toList();
        for (Department d : List.of(streetOffice, police)) {
            out.collect(alerts.create(new AlertFactory.Finding(
                    RULE_ID, AlertLevel.CRITICAL, subjectKey, completing.eventId() + '|' + d.id(), null, d,
                    completing.gridId(), completing.category(), title, message, evidence, completing.at(), null),
                    rules.version()));
        }
    }
}
