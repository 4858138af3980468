package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A replay's progress line names its phase and reads in district time, with counts in the right number. */
class ReplayProgressTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readingThenFiringTimers_whenTheCountStandsStill() {
        AtomicLong alerts = new AtomicLong(1);
        JobProgress.Line line = BoundedRun.progress(SHANGHAI, alerts);
        long newest = Instant.parse("2026-12-17T01:30:00Z").toEpochMilli();

        assertEquals("  reading: 1 record up to 2026-12-17T09:30+08:00, 1 alert so far, 3 s",
                line.of(Map.of(EventWindow.READ, 1L, EventWindow.NEWEST_READ, newest), Duration.ofSeconds(3)));
        assertEquals("  reading: 12,345 records up to 2026-12-17T09:30+08:00, 1 alert so far, 6 s",
                line.of(Map.of(EventWindow.READ, 12_345L, EventWindow.NEWEST_READ, newest), Duration.ofSeconds(6)));
        alerts.set(2);
        assertEquals("  firing end-of-input timers: 12,345 records read up to 2026-12-17T09:30+08:00, 2 alerts so far,"
                + " 9 s", line.of(Map.of(EventWindow.READ, 12_345L, EventWindow.NEWEST_READ, newest),
                        Duration.ofSeconds(9)));
    }

    @Test
    void beforeTheFirstRecord_itIsReading() {
        JobProgress.Line line = BoundedRun.progress(SHANGHAI, new AtomicLong());
        assertEquals("  reading: 0 records, 0 alerts so far, 3 s", line.of(Map.of(), Duration.ofSeconds(3)));
        assertEquals("  reading: 0 records, 0 alerts so far, 6 s", line.of(Map.of(), Duration.ofSeconds(6)));
    }
}
