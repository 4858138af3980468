package org.gridwarden.rules.ingest;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/** One of the {@link IngestCounters}: an accumulator for a bounded run's balance and a metric for a live one. */
final class Tally {

    private final LongCounter accumulator;
    private final Counter metric;

    private Tally(LongCounter accumulator, Counter metric) {
        this.accumulator = accumulator;
        this.metric = metric;
    }

    static Tally of(RuntimeContext context, String name) {
        return new Tally(context.getLongCounter(name), context.getMetricGroup().counter(name));
    }

    void inc() {
        accumulator.add(1);
        metric.inc();
    }
}
