package org.gridwarden.rules.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.metrics.AlertMetrics;
import org.gridwarden.rules.metrics.EventTimeLag;
import org.gridwarden.rules.metrics.LabelledCounters;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.wire.IdKey;

/**
 * Admits one version of each eventId/reportId, deciding the same live and in replay whatever the arrival order.
 *
 * <p>A record waits until the watermark passes its event time; then the versions of its id that are due are
 * taken in the order of event time, then content digest. The first is admitted; a later one with the same
 * content is dropped and counted as a duplicate, one with other content is dead-lettered as
 * {@code CONFLICTING_DUPLICATE}, naming both versions. The admitted version is remembered until the watermark
 * passes its event time by the duplicate retention (an event-time timer), so forgetting does not depend on
 * when records arrive. A record behind the watermark is judged at once against the version remembered, and is
 * dead-lettered as {@code LATE} when none is.
 *
 * <p>Counters: those of {@link IngestCounters}, dead letters by reason ({@value AlertMetrics#DEAD_LETTERS}) and
 * the event-time lag ({@value AlertMetrics#EVENT_TIME_LAG}).
 */
public class IngestGate extends KeyedProcessFunction<Tuple2<Long, Long>, Ingested, Ingested> {

    public static final String UID = "ingest-gate";
    public static final String NAME = "Admit each record once, dead-letter late and conflicting records";
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("gate-dead-letters", DeadLetterTypes.INFO);
    /** Records by the 128-bit key of their identity ({@link Ingested#dedupeKey}). */
    public static final IdKey<Ingested> KEY = IdKey.by(Ingested::dedupeKey);

    private static final Comparator<Ingested> VERSION_ORDER = Comparator.comparingLong(Ingested::eventTimeMillis)
            // unsigned: the order of the digests' hex digits, as a conflict names them
            .thenComparing((a, b) -> Long.compareUnsigned(AdmittedVersion.digest(a), AdmittedVersion.digest(b)));

    private final long retentionMillis;
    private final String allowedLateness;

    private transient ValueState<AdmittedVersion> admitted;
    private transient ListState<Ingested> waiting;
    private transient Tally processed;
    private transient Tally duplicates;
    private transient Tally late;
    private transient Tally conflicting;
    private transient Tally waited;
    private transient LongMaximum latestEventTime;
    private transient LabelledCounters deadLetters;
    private transient EventTimeLag eventTimeLag;

    public IngestGate(Duration duplicateRetention, String allowedLateness) {
        this.retentionMillis = duplicateRetention.toMillis();
        this.allowedLateness = allowedLateness;
    }

    @Override
    public void open(OpenContext openContext) {
        admitted = getRuntimeContext().getState(new ValueStateDescriptor<>("admitted-version", AdmittedVersion.class));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-versions", Ingested.class));
        processed = Tally.of(getRuntimeContext(), IngestCounters.PROCESSED);
        duplicates = Tally.of(getRuntimeContext(), IngestCounters.DUPLICATES);
        late = Tally.of(getRuntimeContext(), IngestCounters.LATE);
        conflicting = Tally.of(getRuntimeContext(), IngestCounters.CONFLICTING);
        waited = Tally.of(getRuntimeContext(), IngestCounters.WAITING);
        latestEventTime = new LongMaximum();
        getRuntimeContext().addAccumulator(IngestCounters.LATEST_EVENT_TIME, latestEventTime);
        deadLetters = new LabelledCounters(getRuntimeContext().getMetricGroup(), AlertMetrics.DEAD_LETTERS,
                AlertMetrics.REASON);
        eventTimeLag = getRuntimeContext().getMetricGroup().gauge(AlertMetrics.EVENT_TIME_LAG, EventTimeLag.systemClock());
    }

    @Override
    public void processElement(Ingested record, Context ctx, Collector<Ingested> out) throws Exception {
        if (!eventTimeLag.isWatching()) {
            // The timer service is the only window on the operator's watermark; it is one object for the
            // operator's lifetime and its watermark is not per key, so the gauge may keep reading it between records.
            eventTimeLag.watch(ctx.timerService()::currentWatermark);
        }
        long eventTime = record.eventTimeMillis();
        AdmittedVersion known = remembered(eventTime);
        if (known != null) {
            // the known version is behind the watermark, so this one, due no earlier, can never come first
            judge(record, known, ctx);
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        if (eventTime <= watermark) {
            deadLetter(record, DeadLetter.LATE, "event time " + Instant.ofEpochMilli(eventTime)
                    + " is behind the watermark " + Instant.ofEpochMilli(watermark)
                    + " (allowed lateness " + allowedLateness + ")", ctx);
            late.inc();
            return;
        }
        waiting.add(record);
        waited.inc();
        ctx.timerService().registerEventTimeTimer(eventTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Ingested> out) throws Exception {
        List<Ingested> due = new ArrayList<>();
        List<Ingested> later = new ArrayList<>();
        for (Ingested record : waiting.get()) {
            (record.eventTimeMillis() <= timestamp ? due : later).add(record);
        }
        if (due.size() == 1 && later.isEmpty() && ctx.timerService().currentWatermark() == Long.MAX_VALUE
                && admitted.value() == null) {
            // end of input (every id of a BATCH run): no version can follow, so the id's only one is admitted
            // without the digest and the retention timer that only a later version would need
            waiting.clear();
            pass(due.get(0), out);
            return;
        }
        if (!due.isEmpty()) {
            waiting.update(later);
            due.sort(VERSION_ORDER);
            for (Ingested record : due) {
                AdmittedVersion known = remembered(record.eventTimeMillis());
                if (known == null) {
                    admit(record, ctx, out);
                } else {
                    judge(record, known, ctx);
                }
            }
        }
        AdmittedVersion known = admitted.value();
        if (known != null && timestamp >= known.eventTimeMillis() + retentionMillis) {
            admitted.clear();
        }
    }

    /** The admitted version of this id that a record at {@code eventTime} is compared with, if still remembered. */
    private AdmittedVersion remembered(long eventTime) throws Exception {
        AdmittedVersion known = admitted.value();
        return known != null && Math.abs(eventTime - known.eventTimeMillis()) < retentionMillis ? known : null;
    }

    private void admit(Ingested record, Context ctx, Collector<Ingested> out) throws Exception {
        admitted.update(AdmittedVersion.of(record));
        ctx.timerService().registerEventTimeTimer(record.eventTimeMillis() + retentionMillis);
        pass(record, out);
    }

    private void pass(Ingested record, Collector<Ingested> out) {
        processed.inc();
        latestEventTime.add(record.eventTimeMillis());
        out.collect(record);
    }

    private void judge(Ingested record, AdmittedVersion known, Context ctx) {
        long digest = AdmittedVersion.digest(record);
        if (digest == known.digest()) {
            duplicates.inc();
            return;
        }
        conflicting.inc();
        deadLetter(record, DeadLetter.CONFLICTING_DUPLICATE, (record.report() != null ? "reportId " : "eventId ")
                + record.dedupeKey().substring(2) + " was admitted with other content: admitted "
                + AdmittedVersion.named(known.digest()) + " from " + known.describeOrigin()
                + ", this " + AdmittedVersion.named(digest) + " from " + AdmittedVersion.describe(record), ctx);
    }

    private void deadLetter(Ingested record, String reason, String detail, Context ctx) {
        if (record.origin() == null) {
            throw new IllegalStateException("a record without its origin cannot be dead-lettered: " + detail
                    + "; the input was split as if nothing could be dead-lettered after it");
        }
        deadLetters.inc(reason);
        ctx.output(DEAD_LETTERS, record.origin().deadLetter(reason, detail));
    }
}
