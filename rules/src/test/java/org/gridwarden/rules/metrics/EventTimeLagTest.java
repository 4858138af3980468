package org.gridwarden.rules.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lag gauge's arithmetic on a hand-set clock. */
class EventTimeLagTest {

    private long now = 1_000_000;
    private long watermark = Long.MIN_VALUE;
    private final EventTimeLag lag = new EventTimeLag(() -> now);

    @Test
    void unknownUntilAWatermarkIsReachableAndSet() {
        assertEquals(EventTimeLag.UNKNOWN, lag.getValue());
        lag.watch(() -> watermark);
        assertEquals(EventTimeLag.UNKNOWN, lag.getValue());
    }

    @Test
    void wallClockMinusWatermark_zeroOnceTheInputHasEnded() {
        lag.watch(() -> watermark);
        watermark = now - 600_000;
        assertEquals(600_000L, lag.getValue());
        now += 5_000;
        assertEquals(605_000L, lag.getValue());
        watermark = Long.MAX_VALUE;
        assertEquals(0L, lag.getValue());
    }
}
