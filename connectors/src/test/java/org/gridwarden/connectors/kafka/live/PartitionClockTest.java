package org.gridwarden.connectors.kafka.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When a partition's event time may follow the wall clock: only when it has been read to a recently probed
 * end and has stayed quiet; never while a backlog is unread or the broker cannot be asked.
 */
class PartitionClockTest {

    private static final long LATENESS = 60_000;
    private static final long T0 = 1_780_000_000_000L;
    private static final QuietPartitions LIVE = QuietPartitions.live(Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void whileRecordsFlow_theWatermarkIsTheNewestEventTimeLessTheLateness() {
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, 0, T0);
        clock.onRecord(0, T0 - 1000, T0, T0);
        clock.onRecord(1, T0 - 5000, T0, T0);
        assertEquals(T0 - 1000 - LATENESS - 1, clock.watermark(T0));
    }

    @Test
    void aFastDeviceClock_countsNoFurtherThanTheRecordsArrival() {
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, 0, T0);
        clock.onRecord(0, T0 + Duration.ofDays(2).toMillis(), T0, T0);
        assertEquals(T0 - LATENESS - 1, clock.watermark(T0));
    }

    @Test
    void readToTheEndAndQuiet_followsTheWallClockLessTheLag() {
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, 0, T0);
        clock.onRecord(9, T0, T0, T0);
        long later = T0 + 11_000;
        clock.onProbe(new PartitionEnds.Range(0, 10), later - 500);
        assertTrue(clock.atRest(later));
        assertEquals(later - 5000, clock.watermark(later));
    }

    @Test
    void anUnreadBacklog_neverFollowsTheWallClock_howeverLongTheReaderWaits() {
        // a restart after days of downtime: 10,000 records unread, the reader slow to fetch them
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, 500, T0);
        long later = T0 + Duration.ofMinutes(5).toMillis();
        clock.onProbe(new PartitionEnds.Range(0, 10_500), later - 100);
        assertFalse(clock.atRest(later));
        assertEquals(Long.MIN_VALUE, clock.watermark(later));
        clock.onRecord(600, T0 - Duration.ofDays(3).toMillis(), T0 - Duration.ofDays(3).toMillis(), later);
        assertEquals(T0 - Duration.ofDays(3).toMillis() - LATENESS - 1, clock.watermark(later + 60_000));
    }

    @Test
    void aBrokerThatCannotBeAsked_stopsTheWallClockWithinTwoProbes() {
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, 0, T0);
        clock.onRecord(9, T0, T0, T0);
        long probe = T0 + 11_000;
        clock.onProbe(new PartitionEnds.Range(0, 10), probe);
        assertTrue(clock.atRest(probe));
        long stale = probe + LIVE.probeValidity().toMillis() + 1;
        assertFalse(clock.atRest(stale));
        assertEquals(T0 - LATENESS - 1, clock.watermark(stale));
    }

    @Test
    void recentRecords_keepThePartitionBusy_evenAtItsEnd() {
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, 0, T0);
        clock.onRecord(9, T0, T0, T0 + 5_000);
        clock.onProbe(new PartitionEnds.Range(0, 10), T0 + 6_000);
        assertFalse(clock.atRest(T0 + 6_000));
    }

    @Test
    void aPartitionFromTheEarliestOffset_isAtRestWhenItHoldsNothing() {
        PartitionClock clock = new PartitionClock(LATENESS, LIVE, -2, T0);
        clock.onProbe(new PartitionEnds.Range(7, 7), T0 + 10_000);
        assertTrue(clock.atRest(T0 + 10_000));
        clock.onProbe(new PartitionEnds.Range(7, 8), T0 + 10_100);
        assertFalse(clock.atRest(T0 + 10_100), "one record kept: not read yet");
    }

    @Test
    void recordedData_atRest_goesIdleInsteadOfFollowingTheWallClock() {
        QuietPartitions recorded = QuietPartitions.recorded(Duration.ofSeconds(2));
        PartitionClock clock = new PartitionClock(LATENESS, recorded, 0, T0);
        clock.onRecord(9, T0 - Duration.ofDays(100).toMillis(), T0, T0);
        clock.onProbe(new PartitionEnds.Range(0, 10), T0 + 3_000);
        assertTrue(clock.atRest(T0 + 3_000));
        assertEquals(T0 - Duration.ofDays(100).toMillis() - LATENESS - 1, clock.watermark(T0 + 3_000));
    }
}
