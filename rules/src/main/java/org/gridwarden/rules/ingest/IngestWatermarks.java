package org.gridwarden.rules.ingest;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.gridwarden.rules.model.Ingested;

/**
 * Event time of the inputs: the record's own time (a report's observedAt, a ledger event's at), out of order
 * by at most the rule set's allowed lateness. Dead letters carry no time and never move the watermark.
 */
public final class IngestWatermarks {

    private IngestWatermarks() {}

    public static WatermarkStrategy<Ingested> strategy(Duration allowedLateness, Duration idleness) {
        WatermarkStrategy<Ingested> s = WatermarkStrategy.<Ingested>forBoundedOutOfOrderness(allowedLateness)
                .withTimestampAssigner((record, kafkaTimestamp) -> record.eventTimeMillis());
        return idleness == null ? s : s.withIdleness(idleness);
    }
}
