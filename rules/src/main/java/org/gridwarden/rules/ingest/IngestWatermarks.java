package org.gridwarden.rules.ingest;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.gridwarden.rules.model.Ingested;

/**
 * Event time of the inputs: the record's own time (a report's observedAt, a ledger event's at), out of order
 * by at most the rule set's allowed lateness. Dead letters carry no time and never move the watermark.
 */
public final class IngestWatermarks {

    private static final SerializableTimestampAssigner<Ingested> EVENT_TIME =
            (record, kafkaTimestamp) -> record.eventTimeMillis();

    private IngestWatermarks() {}

    /**
     * For bounded runs (replay, backtest, history from Kafka): event-time watermarks only, since event time is
     * not wall time there. The live job's watermarks come from its Kafka source's partition clocks.
     */
    public static WatermarkStrategy<Ingested> strategy(Duration allowedLateness) {
        return WatermarkStrategy.<Ingested>forBoundedOutOfOrderness(allowedLateness).withTimestampAssigner(EVENT_TIME);
    }
}
