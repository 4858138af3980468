package org.gridwarden.connectors.kafka.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recorded data: a partition at rest follows the partitions still being read instead of going idle, and when
 * every partition is at rest, the newest of them.
 */
class EventFrontierTest {

    private static final long LATENESS = 600_000;
    private static final long T0 = 1_780_000_000_000L;
    private static final QuietPartitions RECORDED = QuietPartitions.recorded(Duration.ofSeconds(2));

    @Test
    void partitionsStillBeingRead_setTheFrontier_theOldestOfThem() {
        EventFrontier f = EventFrontier.over(List.of(new SplitClocks.Reading(T0, false),
                new SplitClocks.Reading(T0 - 5_000, false), new SplitClocks.Reading(T0 + 9_000, true)));
        assertEquals(T0 - 5_000, f.watermark());
    }

    @Test
    void everyPartitionAtRest_theFrontierIsTheNewestOfThem() {
        EventFrontier f = EventFrontier.over(List.of(new SplitClocks.Reading(T0, true),
                new SplitClocks.Reading(Long.MIN_VALUE, true), new SplitClocks.Reading(T0 + 9_000, true)));
        assertEquals(T0 + 9_000, f.watermark());
        assertEquals(Long.MIN_VALUE, EventFrontier.over(List.of()).watermark());
    }

    @Test
    void recordedDataAtRest_followsTheFrontier() {
        PartitionClock clock = atRest(RECORDED);
        long now = T0 + 3_000;
        assertTrue(clock.atRest(now));
        long own = T0 - LATENESS - 1;
        assertEquals(own, clock.watermark(now, Long.MIN_VALUE), "no frontier yet: its own watermark");
        assertEquals(T0 + 60_000, clock.watermark(now, T0 + 60_000));
        assertEquals(new SplitClocks.Reading(own, true), clock.reading(now));
    }

    @Test
    void aPartitionStillBeingRead_ignoresTheFrontier() {
        PartitionClock clock = new PartitionClock(LATENESS, RECORDED, 0, T0);
        clock.onRecord(9, T0, T0, T0);
        clock.onProbe(new PartitionEnds.Range(0, 12), T0 + 3_000);
        assertFalse(clock.atRest(T0 + 3_000), "two records not read yet");
        assertEquals(T0 - LATENESS - 1, clock.watermark(T0 + 3_000, T0 + 60_000));
        assertEquals(new SplitClocks.Reading(T0 - LATENESS - 1, false), clock.reading(T0 + 3_000));
    }

    @Test
    void liveDataAtRest_followsTheWallClock_notTheFrontier() {
        PartitionClock clock = atRest(QuietPartitions.live(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        long now = T0 + 3_000;
        assertEquals(now - 5_000, clock.watermark(now, now + 60_000));
    }

    /** Read to its end at offset 10, quiet since T0. */
    private static PartitionClock atRest(QuietPartitions quiet) {
        PartitionClock clock = new PartitionClock(LATENESS, quiet, 0, T0);
        clock.onRecord(9, T0, T0, T0);
        clock.onProbe(new PartitionEnds.Range(0, 10), T0 + 3_000);
        return clock;
    }
}
