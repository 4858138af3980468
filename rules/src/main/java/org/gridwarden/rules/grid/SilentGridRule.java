package org.gridwarden.rules.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;
import org.gridwarden.rules.ruleset.SilentGridRules;

/**
 * Silent grids (网格静默): a grid of the reference data with no PATROL report for the rule set's
 * {@code silentGrid.silence} (calendar time), including a grid that has not patrolled at all since the stream
 * started. The stream's start is the earliest event time of any record the rule sees, grid report or ledger
 * event. One WARNING per silence episode, at the last patrol + silence (or start + silence), to the grid's
 * street office, with the last patrol as evidence (none for a grid never patrolled); the next patrol of the
 * grid re-arms it. A patrol exactly at the end of the silence is in time.
 *
 * <p>A rule that must speak for grids that send nothing needs every grid up front, so everything is keyed by
 * one constant ({@link #KEY}): one subtask runs it. That is cheap: patrols are about one per grid and day,
 * and other records are thinned to new minima before the key-by ({@link PatrolsAndNewEarliest}).
 *
 * <p>Event orders: records are buffered until the watermark passes them and then applied in event-time
 * order, patrols at one instant before the deadlines at that instant. Every deadline a grid can reach is
 * start + silence or patrol + silence, so its timer is registered when the record arrives, never from a
 * timer: BATCH ignores timers registered at end of input, so this is what raises everything due there (a
 * replay drops alerts after its horizon); live, a deadline whose grid patrolled meanwhile fires and finds
 * nothing due.
 *
 * <p>State: one {@link Silence} per grid of the district (bounded by the reference data, never cleared: the
 * district does not end), the patrols not yet passed by the watermark (all of them in BATCH, where the
 * watermark moves only at end of input), and the deadlines ahead (each within one silence period; an entry is
 * removed when its timer fires). Once every grid is silent and alerted, only the start and the grids remain.
 */
public class SilentGridRule extends KeyedProcessFunction<Integer, GridActivity, Alert> {

    /** Every record under one key: a job watches one district. */
    public static final KeySelector<GridActivity, Integer> KEY = new TheDistrict();

    public static final String RULE_ID = "SILENT_GRID";
    public static final String UID = "silent-grid-rule";
    public static final String NAME = "Silent grids (网格静默)";

    private static final Comparator<GridActivity> PATROL_ORDER =
            Comparator.comparing(GridActivity::gridId).thenComparing(GridActivity::reportId);

    private final RuleContext ctx;
    private final SilentGridAlerts alerts;

    private transient ValueState<Long> earliest;
    private transient ValueState<Long> start;
    private transient MapState<String, Silence> grids;
    private transient MapState<Long, List<GridActivity>> pendingPatrols;
    private transient MapState<Long, List<String>> deadlines;
    private transient LongCounter afterHorizon;

    public SilentGridRule(RuleContext ctx) {
        this.ctx = ctx;
        this.alerts = new SilentGridAlerts(ctx);
    }

    /**
     * The entry that judges a silence: the one in force when it began, for the grid. Empty when no entry covers
     * the grid or its entry is switched off.
     */
    static Optional<InForce<SilentGridRules>> rulesFor(RuleContext ctx, String gridId, Instant since) {
        return ctx.inForce(RuleFamily.SILENT_GRID, since, gridId, null);
    }

    /** When a silence that began at {@code since} ends, or null when no entry watches the grid then. */
    private Long silenceEnd(String gridId, long since) {
        return rulesFor(ctx, gridId, Instant.ofEpochMilli(since))
                .map(r -> since + r.parameters().silence().toDuration().toMillis()).orElse(null);
    }

    /**
     * Wires the rule: both inputs reduced to {@link GridActivity}, thinned, keyed by the district. The caller
     * checks {@code silentGrid.enabled}.
     */
    public static DataStream<Alert> detect(
            DataStream<LedgerEvent> ledgerEvents, DataStream<GridReport> gridReports, RuleContext ctx) {
        DataStream<GridActivity> reports = gridReports
                .map(GridActivity::ofReport).returns(GridActivity.class)
                .uid(ctx.uid("silent-grid-reports")).name("Silent grids: reports");
        DataStream<GridActivity> ledger = ledgerEvents
                .map(GridActivity::ofLedgerEvent).returns(GridActivity.class)
                .uid(ctx.uid("silent-grid-ledger-events")).name("Silent grids: ledger event times");
        return reports.union(ledger)
                .filter(new PatrolsAndNewEarliest())
                .uid(ctx.uid("silent-grid-patrols-and-start")).name("Silent grids: patrols and stream start")
                .keyBy(KEY)
                .process(new SilentGridRule(ctx))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        earliest = getRuntimeContext().getState(new ValueStateDescriptor<>("earliest-record", Types.LONG));
        start = getRuntimeContext().getState(new ValueStateDescriptor<>("stream-start", Types.LONG));
        grids = getRuntimeContext().getMapState(new MapStateDescriptor<>("silences", Types.STRING,
                TypeInformation.of(Silence.class)));
        pendingPatrols = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-patrols", Types.LONG,
                Types.LIST(TypeInformation.of(GridActivity.class))));
        deadlines = getRuntimeContext().getMapState(new MapStateDescriptor<>("deadlines", Types.LONG,
                Types.LIST(Types.STRING)));
        afterHorizon = ctx.alerts().afterHorizonCounter(getRuntimeContext());
    }

    @Override
    public void processElement(GridActivity a, Context context, Collector<Alert> out) throws Exception {
        long t = a.at().toEpochMilli();
        TimerService timers = context.timerService();
        if (start.value() == null) {
            Long e = earliest.value();
            if (e == null || t < e) {
                earliest.update(t);
                timers.registerEventTimeTimer(t);
                for (GridPlace place : ctx.reference().grids()) {
                    Long end = silenceEnd(place.grid().gridId(), t);
                    if (end != null) {
                        timers.registerEventTimeTimer(end);
                    }
                }
            }
        }
        if (a.isPatrol()) {
            List<GridActivity> atT = pendingPatrols.get(t);
            List<GridActivity> updated = atT == null ? new ArrayList<>() : new ArrayList<>(atT);
            updated.add(a);
            pendingPatrols.put(t, updated);
            timers.registerEventTimeTimer(t);
            Long end = silenceEnd(a.gridId(), t);
            if (end != null) {
                timers.registerEventTimeTimer(end);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Alert> out) throws Exception {
        if (start.value() == null) {
            // the first timer is the earliest record's: nothing earlier can arrive behind the watermark
            startAll(earliest.value());
        }
        applyPatrols(timestamp);
        raiseDue(timestamp, out);
    }

    /** At the stream's start every grid of the district begins a silence. */
    private void startAll(long startMillis) throws Exception {
        start.update(startMillis);
        earliest.clear();
        Silence never = new Silence(Instant.ofEpochMilli(startMillis), null);
        // a city's grids mostly share one deadline: one list per deadline, not one copy of it per grid
        Map<Long, List<String>> byDeadline = new TreeMap<>();
        for (GridPlace place : ctx.reference().grids()) {
            String gridId = place.grid().gridId();
            grids.put(gridId, never);
            Long due = silenceEnd(gridId, startMillis);
            if (due != null) {
                byDeadline.computeIfAbsent(due, d -> new ArrayList<>()).add(gridId);
            }
        }
        for (Map.Entry<Long, List<String>> e : byDeadline.entrySet()) {
            addDeadline(e.getKey(), e.getValue());
        }
    }

    private void addDeadline(String gridId, long since) throws Exception {
        Long due = silenceEnd(gridId, since);
        if (due != null) {
            addDeadline(due, List.of(gridId));
        }
    }

    /** Adds the grids to the deadline's list, each once. */
    private void addDeadline(long due, List<String> gridIds) throws Exception {
        List<String> dueThen = deadlines.get(due);
        List<String> updated = dueThen == null ? new ArrayList<>() : new ArrayList<>(dueThen);
        Set<String> present = new HashSet<>(updated);
        for (String gridId : gridIds) {
            if (present.add(gridId)) {
                updated.add(gridId);
            }
        }
        if (updated.size() != (dueThen == null ? 0 : dueThen.size())) {
            deadlines.put(due, updated);
        }
    }

    private void applyPatrols(long timestamp) throws Exception {
        List<GridActivity> patrols = pendingPatrols.get(timestamp);
        if (patrols == null) {
            return;
        }
        pendingPatrols.remove(timestamp);
        if (pendingPatrols.isEmpty()) {
            pendingPatrols.clear(); // an emptied map still counts as a state entry
        }
        List<GridActivity> ordered = new ArrayList<>(patrols);
        ordered.sort(PATROL_ORDER); // two patrols of a grid at one instant: the same one wins in every run
        for (GridActivity p : ordered) {
            grids.put(p.gridId(), new Silence(p.at(), p.reportId()));
            addDeadline(p.gridId(), timestamp);
        }
    }

    /** Raises the grids whose current silence ends now; entries of silences a later patrol ended are stale. */
    private void raiseDue(long timestamp, Collector<Alert> out) throws Exception {
        List<String> due = deadlines.get(timestamp);
        if (due == null) {
            return;
        }
        deadlines.remove(timestamp);
        if (deadlines.isEmpty()) {
            deadlines.clear();
        }
        for (String gridId : due) {
            Silence s = grids.get(gridId);
            Long end = silenceEnd(gridId, s.since().toEpochMilli());
            if (end != null && end == timestamp) {
                Instant at = Instant.ofEpochMilli(timestamp);
                if (ctx.alerts().raises(at)) {
                    out.collect(alerts.silent(gridId, s, at));
                } else {
                    afterHorizon.add(1L); // at a bounded run's end every grid's silence ends: no texts for them
                }
            }
        }
    }

    /**
     * Every record of the district under one key, so that all grids live in one place. The key is a constant
     * number rather than the district's id: BATCH sorts a fixed-length key on its bytes, and compared the
     * same id string in full for every pair of records.
     */
    private static final class TheDistrict implements KeySelector<GridActivity, Integer> {
        @Override
        public Integer getKey(GridActivity a) {
            return 0;
        }
    }
}
