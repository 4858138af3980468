package org.gridwarden.rules.ingest;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.metrics.AlertMetrics;
import org.gridwarden.rules.metrics.LabelledCounters;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;

/**
 * Counts every decoded record in and sends the ones that failed decoding or validation to the dead letters,
 * counted also by reason (metric {@value AlertMetrics#DEAD_LETTERS}).
 *
 * <p>A valid record keeps its raw line only where it may still be dead-lettered as late. Where nothing can be
 * late, as in a BATCH run, whose keyed inputs are sorted by event time, the raw line is dropped here (it is
 * more than half the bytes that the shuffle to the duplicate check moves and sorts); its file and line stay,
 * to name a conflicting duplicate.
 */
public class DeadLetterSplitter extends ProcessFunction<Ingested, Ingested> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", DeadLetterTypes.INFO);

    private final boolean keepRaw;

    private transient LongCounter in;
    private transient LongCounter deadLettered;
    private transient Counter inMetric;
    private transient Counter deadLetteredMetric;
    private transient LabelledCounters deadLettersByReason;

    /** Keeps the raw line of valid records: for input in which a record can be late. */
    public DeadLetterSplitter() {
        this(true);
    }

    public DeadLetterSplitter(boolean keepRaw) {
        this.keepRaw = keepRaw;
    }

    @Override
    public void open(OpenContext openContext) {
        in = getRuntimeContext().getLongCounter(IngestCounters.IN);
        deadLettered = getRuntimeContext().getLongCounter(IngestCounters.INVALID);
        inMetric = getRuntimeContext().getMetricGroup().counter(IngestCounters.IN);
        deadLetteredMetric = getRuntimeContext().getMetricGroup().counter(IngestCounters.INVALID);
        deadLettersByReason = new LabelledCounters(getRuntimeContext().getMetricGroup(), AlertMetrics.DEAD_LETTERS,
                AlertMetrics.REASON);
    }

    @Override
    public void processElement(Ingested record, Context ctx, Collector<Ingested> out) {
        in.add(1);
        inMetric.inc();
        if (record.isValid()) {
            out.collect(keepRaw ? record : record.withoutRawInput());
        } else {
            deadLettered.add(1);
            deadLetteredMetric.inc();
            deadLettersByReason.inc(record.deadLetter().reason());
            ctx.output(DEAD_LETTERS, record.deadLetter());
        }
    }
}
