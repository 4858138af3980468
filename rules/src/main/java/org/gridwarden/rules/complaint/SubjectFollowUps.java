package org.gridwarden.rules.complaint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;

/**
 * Second stage of 案结事不了, keyed by subject: pairs each closure with the first complaint on the subject
 * strictly after the close and at most {@code window} later (a complaint of the closed case itself never
 * counts). Facts are buffered until the watermark passes them and applied in event-time order (at the same
 * instant complaints before closures, so a complaint at the very moment of a close is not "after" it). A
 * closure is forgotten once paired or {@code window} after the close; nothing else is kept.
 */
final class SubjectFollowUps extends KeyedProcessFunction<String, CaseFact, FollowUp> {

    private static final Comparator<CaseFact> EVENT_TIME_ORDER = Comparator.comparing(CaseFact::at)
            .thenComparing(CaseFact::kind)
            .thenComparing(CaseFact::eventId);

    private final Duration window;

    private transient EventTimeBuffer<CaseFact> pending;
    private transient MapState<String, CaseFact> openClosures;

    SubjectFollowUps(Duration window) {
        this.window = window;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-facts", CaseFact.class, CaseFact::at,
                EVENT_TIME_ORDER);
        openClosures = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-closures", String.class, CaseFact.class));
    }

    @Override
    public void processElement(CaseFact f, Context c, Collector<FollowUp> out) throws Exception {
        pending.add(f.kind() + ":" + f.eventId(), f, c.timerService());
        if (f.kind() == CaseFact.Kind.CLOSURE) {
            c.timerService().registerEventTimeTimer(f.at().plus(window).toEpochMilli());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext c, Collector<FollowUp> out) throws Exception {
        for (CaseFact f : pending.takeReady(timestamp)) {
            if (f.kind() == CaseFact.Kind.CLOSURE) {
                openClosures.put(f.eventId(), f);
            } else {
                pairWithOpenClosures(f, out);
            }
        }
        List<String> expired = new ArrayList<>();
        for (CaseFact closure : openClosures.values()) {
            if (closure.at().plus(window).toEpochMilli() <= timestamp) {
                expired.add(closure.eventId());
            }
        }
        for (String id : expired) {
            openClosures.remove(id);
        }
        if (openClosures.isEmpty()) {
            openClosures.clear();
        }
    }

    private void pairWithOpenClosures(CaseFact complaint, Collector<FollowUp> out) throws Exception {
        List<CaseFact> paired = new ArrayList<>();
        for (CaseFact closure : openClosures.values()) {
            boolean after = complaint.at().isAfter(closure.at());
            boolean inTime = !complaint.at().isAfter(closure.at().plus(window));
            if (after && inTime && !complaint.caseId().equals(closure.caseId())) {
                paired.add(closure);
            }
        }
        paired.sort(Comparator.comparing(CaseFact::eventId));
        for (CaseFact closure : paired) {
            out.collect(new FollowUp(closure, complaint));
            openClosures.remove(closure.eventId());
        }
    }
}
