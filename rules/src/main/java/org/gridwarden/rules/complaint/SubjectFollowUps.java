package org.gridwarden.rules.complaint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.keyed.KeyScope;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.ruleset.ComplaintAfterClosureRules;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * Second stage of 案结事不了, a handler of the operator keyed by subject ({@link SubjectRules}): pairs each
 * closure with the first complaint on the subject strictly after the close and at most {@code window} later (a
 * complaint of the closed case itself never counts). Facts come from the shared buffer in event-time order (at
 * the same instant complaints before closures). A closure is forgotten once paired or {@code window} after the
 * close; nothing else is kept.
 */
public final class SubjectFollowUps implements KeyedHandler<CaseFact> {

    /** The pairs, for the last stage, keyed by closure. */
    public static final OutputTag<FollowUp> FOLLOW_UPS =
            new OutputTag<>("follow-ups", TypeInformation.of(FollowUp.class));

    /** The longest window of any rule-set version, so that each version's own window fits. */
    private final Duration window;

    private transient MapState<String, CaseFact> openClosures;

    public SubjectFollowUps(RuleContext ctx) {
        this(ctx.history().longest(RuleFamily.COMPLAINT_AFTER_CLOSURE, ComplaintAfterClosureRules::window));
    }

    SubjectFollowUps(Duration window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "closures followed by complaints (案结事不了)";
    }

    @Override
    public void open(RuntimeContext runtime) {
        openClosures = runtime.getMapState(new MapStateDescriptor<>("open-closures", String.class, CaseFact.class));
    }

    @Override
    public boolean readsInOrder() {
        return true;
    }

    @Override
    public void arrived(CaseFact f, KeyScope<CaseFact> scope) {
        if (f.kind() == CaseFact.Kind.CLOSURE) {
            scope.registerTimer(forgetAt(f));
        }
    }

    @Override
    public void onTimer(long timestamp, List<CaseFact> ready, KeyScope<CaseFact> scope) throws Exception {
        for (CaseFact f : ready) {
            if (f.kind() == CaseFact.Kind.CLOSURE) {
                openClosures.put(f.eventId(), f);
            } else if (f.countsForClosures()) {
                pairWithOpenClosures(f, scope);
            }
        }
        List<String> expired = new ArrayList<>();
        for (CaseFact closure : openClosures.values()) {
            if (forgetAt(closure) <= timestamp) {
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

    @Override
    public boolean needsTimerAt(long time) throws Exception {
        for (CaseFact closure : openClosures.values()) {
            if (forgetAt(closure) == time) {
                return true;
            }
        }
        return false;
    }

    private long forgetAt(CaseFact closure) {
        return closure.at().plus(window).toEpochMilli();
    }

    private void pairWithOpenClosures(CaseFact complaint, KeyScope<CaseFact> scope) throws Exception {
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
            scope.emit(FOLLOW_UPS, new FollowUp(closure, complaint));
            openClosures.remove(closure.eventId());
        }
    }
}
