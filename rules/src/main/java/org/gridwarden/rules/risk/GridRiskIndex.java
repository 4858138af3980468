package org.gridwarden.rules.risk;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.ruleset.RiskIndexRules;

/**
 * The risk index of each grid (网格风险指数), keyed by grid over every alert that names one: each alert adds
 * its level's weight, and the sum halves every half-life, so the index at time t is
 * {@code sum of weight(level) * 2^(-(t - alert time) / halfLife)}. An alert sent to several departments counts
 * once. Parameters come from the newest rule set's {@code risk} section.
 *
 * <p>Publishing: at an alert, when the index moved by more than {@code step} since last published; while it
 * fades, at the first of: {@code interval} after the last publishing, the moment it has fallen {@code step}
 * below it, the moment it falls to {@code floor} (published as 0 unless 0 was the last published, and the
 * grid forgotten). Every one of
 * those times follows from the state alone, so the same alerts publish the same records at the same event
 * times in STREAMING and BATCH: alerts wait in the buffer for the watermark and apply in event-time order;
 * the fading steps are caught up on at each timer and, at the end of a bounded input, played out to the end.
 */
public final class GridRiskIndex extends KeyedProcessFunction<Tuple2<Long, Long>, Alert, GridRisk> {

    /** Alerts by the fixed-length key of their grid, which BATCH sorts on its bytes. */
    public static final IdKey<Alert> KEY = IdKey.by(Alert::gridId);

    public static final String UID = "grid-risk-index";
    public static final String NAME = "Risk index per grid (网格风险指数)";

    private final RiskIndexRules rules;
    private final long halfLife;
    private final long interval;

    private transient EventTimeBuffer<Alert> pending;
    private transient ValueState<RiskState> risk;

    public GridRiskIndex(RiskIndexRules rules) {
        this.rules = rules;
        this.halfLife = rules.halfLife().toDuration().toMillis();
        this.interval = rules.interval().toDuration().toMillis();
    }

    /** The alerts that name a grid, keyed by grid, into the index. */
    public static DataStream<GridRisk> wire(DataStream<Alert> alerts, RuleContext ctx) {
        return alerts
                .filter(a -> a.gridId() != null).uid(ctx.uid(UID + "-grids")).name("Alerts naming a grid")
                .keyBy(KEY)
                .process(new GridRiskIndex(ctx.ruleSet().risk()))
                .uid(ctx.uid(UID)).name(NAME);
    }

    @Override
    public void open(OpenContext openContext) {
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-alerts", Alert.class, Alert::eventTime,
                Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId));
        risk = getRuntimeContext().getState(new ValueStateDescriptor<>("grid-risk", RiskState.class));
    }

    @Override
    public void processElement(Alert alert, Context c, Collector<GridRisk> out) throws Exception {
        pending.add(alert.alertId(), alert, c.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext c, Collector<GridRisk> out) throws Exception {
        RiskState s = risk.value();
        List<Alert> ready = pending.takeReady(timestamp);
        // the fading steps due before this moment come first, as if their own timers had fired
        s = fade(s, ready.isEmpty() ? timestamp : timestamp - 1, out);
        if (!ready.isEmpty()) {
            s = apply(s, ready, timestamp, out);
        }
        boolean endOfInput = c.timerService().currentWatermark() == Long.MAX_VALUE;
        if (endOfInput && pending.isEmpty()) {
            s = fade(s, Long.MAX_VALUE, out); // nothing can come any more: play the fading out
        }
        if (s == null) {
            risk.clear();
            return;
        }
        risk.update(s);
        if (!endOfInput) {
            c.timerService().registerEventTimeTimer(nextPublishing(s));
        }
    }

    private RiskState apply(RiskState s, List<Alert> ready, long at, Collector<GridRisk> out) {
        Alert first = ready.get(0);
        double index = s == null ? 0 : s.at(at, halfLife);
        Set<String> findings = new HashSet<>();
        for (Alert a : ready) {
            // one finding sent to several departments is one alert for the grid
            if (findings.add(a.ruleId() + ' ' + a.subjectKey() + ' ' + a.level() + ' ' + a.evidence())) {
                index += rules.weight(a.level());
            }
        }
        RiskState next = s == null
                ? new RiskState(first.gridId(), first.communityId(), first.streetId(), index, at, 0, at)
                : s.withIndex(index, at);
        if (Math.abs(index - next.published()) > rules.step()) {
            out.collect(next.publish(at, index));
            next = next.published(index, at);
        }
        return next;
    }

    /** Publishes the fading steps due at or before {@code until}; null once the grid has gone quiet. */
    private RiskState fade(RiskState s, long until, Collector<GridRisk> out) {
        while (s != null) {
            long t = nextPublishing(s);
            if (t > until) {
                return s;
            }
            double index = s.at(t, halfLife);
            if (index <= rules.floor()) {
                if (s.published() != 0) {
                    out.collect(s.publish(t, 0));
                }
                return null;
            }
            out.collect(s.publish(t, index));
            s = s.withIndex(index, t).published(index, t);
        }
        return null;
    }

    /** The first of: the interval after the last publishing, a fall by {@code step}, the fall below the floor. */
    long nextPublishing(RiskState s) {
        long next = s.publishedAt() + interval;
        double lower = Math.max(s.published() - rules.step(), rules.floor());
        if (s.index() > lower) {
            next = Math.min(next, s.indexAt() + timeToFall(s.index(), lower));
        } else {
            next = Math.min(next, s.indexAt() + 1);
        }
        return next;
    }

    /** How long {@code from} takes to decay to {@code to}, rounded up to the millisecond. */
    private long timeToFall(double from, double to) {
        double t = halfLife * (StrictMath.log(from / to) / StrictMath.log(2));
        return Math.max(1, (long) StrictMath.ceil(t));
    }
}
