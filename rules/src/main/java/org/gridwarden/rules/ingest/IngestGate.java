package org.gridwarden.rules.ingest;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.metrics.AlertMetrics;
import org.gridwarden.rules.metrics.EventTimeLag;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;

/**
 * Admits each valid record once, keyed by its eventId/reportId: an exact duplicate is dropped and counted; a
 * record behind the watermark (older than the allowed lateness) is dead-lettered as LATE, never dropped.
 * Everything else is processed. State: one flag per id, expired by TTL after the duplicate retention.
 *
 * <p>Metrics: the counters of {@link IngestCounters}, late records also as dead letters with reason LATE
 * ({@value AlertMetrics#DEAD_LETTERS}), and the event-time lag ({@value AlertMetrics#EVENT_TIME_LAG}).
 */
public class IngestGate extends KeyedProcessFunction<String, Ingested, Ingested> {

    public static final String UID = "ingest-gate";
    public static final String NAME = "Drop duplicates, dead-letter late records";
    public static final OutputTag<DeadLetter> LATE = new OutputTag<>("late", DeadLetterTypes.INFO);

    private final Duration duplicateRetention;
    private final String allowedLateness;

    private transient ValueState<Boolean> seen;
    private transient LongCounter processed;
    private transient LongCounter duplicates;
    private transient LongCounter late;
    private transient LongMaximum latestEventTime;
    private transient Counter processedMetric;
    private transient Counter duplicatesMetric;
    private transient Counter lateMetric;
    private transient Counter lateDeadLetters;
    private transient EventTimeLag eventTimeLag;

    public IngestGate(Duration duplicateRetention, String allowedLateness) {
        this.duplicateRetention = duplicateRetention;
        this.allowedLateness = allowedLateness;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Boolean.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(duplicateRetention).build());
        seen = getRuntimeContext().getState(descriptor);
        processed = getRuntimeContext().getLongCounter(IngestCounters.PROCESSED);
        duplicates = getRuntimeContext().getLongCounter(IngestCounters.DUPLICATES);
        late = getRuntimeContext().getLongCounter(IngestCounters.LATE);
        latestEventTime = new LongMaximum();
        getRuntimeContext().addAccumulator(IngestCounters.LATEST_EVENT_TIME, latestEventTime);
        processedMetric = getRuntimeContext().getMetricGroup().counter(IngestCounters.PROCESSED);
        duplicatesMetric = getRuntimeContext().getMetricGroup().counter(IngestCounters.DUPLICATES);
        lateMetric = getRuntimeContext().getMetricGroup().counter(IngestCounters.LATE);
        lateDeadLetters = getRuntimeContext().getMetricGroup().addGroup(AlertMetrics.REASON, DeadLetter.LATE)
                .counter(AlertMetrics.DEAD_LETTERS);
        eventTimeLag = getRuntimeContext().getMetricGroup().gauge(AlertMetrics.EVENT_TIME_LAG, EventTimeLag.systemClock());
    }

    @Override
    public void processElement(Ingested record, Context ctx, Collector<Ingested> out) throws Exception {
        if (!eventTimeLag.isWatching()) {
            // The timer service is the only window on the operator's watermark; it is one object for the
            // operator's lifetime and its watermark is not per key, so the gauge may keep reading it between records.
            eventTimeLag.watch(ctx.timerService()::currentWatermark);
        }
        if (seen.value() != null) {
            duplicates.add(1);
            duplicatesMetric.inc();
            return;
        }
        seen.update(Boolean.TRUE);
        long watermark = ctx.timerService().currentWatermark();
        if (record.eventTimeMillis() <= watermark) {
            late.add(1);
            lateMetric.inc();
            lateDeadLetters.inc();
            String detail = "event time " + Instant.ofEpochMilli(record.eventTimeMillis())
                    + " is behind the watermark " + Instant.ofEpochMilli(watermark)
                    + " (allowed lateness " + allowedLateness + ")";
            if (record.origin() == null) {
                throw new IllegalStateException("a late record without its origin cannot be dead-lettered: " + detail
                        + "; the input was split as if nothing could be late");
            }
            ctx.output(LATE, record.origin().deadLetter(DeadLetter.LATE, detail));
            return;
        }
        processed.add(1);
        processedMetric.inc();
        latestEventTime.add(record.eventTimeMillis());
        out.collect(record);
    }
}
