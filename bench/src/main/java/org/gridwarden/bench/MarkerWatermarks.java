package org.gridwarden.bench;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.gridwarden.rules.model.Ingested;

/**
 * Watermarks for input in event-time order: periodically just behind the newest record, and at once on the
 * marker that ends the input, so the watermark that releases the last records travels ahead of the checkpoint
 * barrier that the benchmark triggers when the input is all out.
 */
final class MarkerWatermarks implements WatermarkGenerator<Ingested> {

    private final long markerMillis;
    private long newest = Long.MIN_VALUE;

    MarkerWatermarks(long markerMillis) {
        this.markerMillis = markerMillis;
    }

    @Override
    public void onEvent(Ingested record, long timestamp, WatermarkOutput output) {
        newest = Math.max(newest, timestamp);
        if (timestamp >= markerMillis) {
            output.emitWatermark(new Watermark(timestamp));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (newest != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(newest - 1));
        }
    }
}
