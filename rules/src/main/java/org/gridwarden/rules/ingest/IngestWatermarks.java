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
     * Event-time watermarks only: for replay and the demo (event time is not wall time there). When every
     * input is quiet the watermark stops; {@code idleness} (or null) only keeps one quiet split from holding
     * back the others.
     */
    public static WatermarkStrategy<Ingested> strategy(Duration allowedLateness, Duration idleness) {
        WatermarkStrategy<Ingested> s = WatermarkStrategy.<Ingested>forBoundedOutOfOrderness(allowedLateness)
                .withTimestampAssigner(EVENT_TIME);
        return idleness == null ? s : s.withIdleness(idleness);
    }

    /**
     * Live mode only, where event time follows wall time: as {@link #strategy} while records flow, and a split
     * quiet for {@code quietAfter} of wall time advances to {@code clock - quietLag} (see
     * {@link QuietFallbackWatermarks}), so deadlines fire on a quiet night. No idleness here: an idle split
     * would stop emitting, and when all are idle the watermark stops, which is what this avoids; a quiet split
     * following the clock does not hold back the others either.
     */
    public static WatermarkStrategy<Ingested> liveStrategy(
            Duration allowedLateness, Duration quietAfter, Duration quietLag, WallClock clock) {
        return WatermarkStrategy.<Ingested>forGenerator(
                        context -> new QuietFallbackWatermarks(allowedLateness, quietAfter, quietLag, clock))
                .withTimestampAssigner(EVENT_TIME);
    }
}
