package org.gridwarden.rules.ingest;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.gridwarden.rules.model.Ingested;

/**
 * Watermarks for live mode that keep moving on a quiet night (DESIGN §6): while records flow, the watermark is
 * the newest event time minus the allowed lateness (as {@code forBoundedOutOfOrderness}); once a split has
 * seen no record for {@code quietAfter} of wall time, it is {@code max(that, now - quietLag)}, so a deadline
 * fires at most {@code quietAfter + quietLag} plus one auto-watermark interval after it passes, with no event.
 *
 * <p>Only valid where event time follows wall time (the live Kafka job); never for a replay or for the demo,
 * which plays recorded data on an accelerated clock. The watermark never moves backwards: a record that
 * arrives after a quiet spell more than {@code quietLag} behind the wall clock is behind the watermark, so
 * the ingest gate dead-letters it as LATE (never silently). Choose {@code quietLag} above the usual delay
 * between a report's observation and its arrival. Dead letters carry no event time: they neither move the
 * watermark nor count as activity, so a stream of garbage cannot hold the clock back.
 */
public final class QuietFallbackWatermarks implements WatermarkGenerator<Ingested> {

    private final long outOfOrdernessMillis;
    private final long quietAfterMillis;
    private final long quietLagMillis;
    private final WallClock clock;

    private long maxTimestamp = Long.MIN_VALUE;
    private long lastRecordAt;
    private long emitted = Long.MIN_VALUE;

    public QuietFallbackWatermarks(Duration outOfOrderness, Duration quietAfter, Duration quietLag, WallClock clock) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.quietAfterMillis = quietAfter.toMillis();
        this.quietLagMillis = quietLag.toMillis();
        this.clock = clock;
        // a split that never receives anything (an empty partition) is quiet from the start
        this.lastRecordAt = clock.millis();
    }

    @Override
    public void onEvent(Ingested record, long eventTimestamp, WatermarkOutput output) {
        if (record.eventTimeMillis() == Long.MIN_VALUE) {
            return;
        }
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
        lastRecordAt = clock.millis();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // the same bound as Flink's BoundedOutOfOrdernessWatermarks, so the ingest gate's LATE test is unchanged
        long watermark = maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - outOfOrdernessMillis - 1;
        long now = clock.millis();
        // quiet only counts when the split had caught up with the wall clock: a split that stalls while still
        // reading a backlog (a restart, backpressure) must not skip past the records it has yet to read
        boolean caughtUp = maxTimestamp == Long.MIN_VALUE || lastRecordAt - maxTimestamp <= outOfOrdernessMillis;
        if (caughtUp && now - lastRecordAt >= quietAfterMillis) {
            watermark = Math.max(watermark, now - quietLagMillis);
        }
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
