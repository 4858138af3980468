package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The percentiles of a live run and the rules its slowest alerts belong to. */
class AlertLatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void theAlertsBeyondP99_areNamedByRule_mostFirst() {
        List<AlertLatencies.Latency> sorted = new ArrayList<>();
        for (int i = 1; i <= 297; i++) {
            sorted.add(new AlertLatencies.Latency(i * MS, "OVERDUE_CASE"));
        }
        sorted.add(new AlertLatencies.Latency(900 * MS, "SILENT_GRID"));
        sorted.add(new AlertLatencies.Latency(25_000 * MS, "COMPLAINT_SURGE"));
        sorted.add(new AlertLatencies.Latency(26_000 * MS, "COMPLAINT_SURGE"));
        AlertLatencies.Snapshot s = new AlertLatencies.Snapshot(300, 0, sorted);

        assertEquals(297.0, s.percentileMillis(99), "nearest rank: the 297th of 300");
        assertEquals(26_000.0, s.maxMillis());
        assertEquals("COMPLAINT_SURGE 2, SILENT_GRID 1", s.rulesBeyond(99));
        assertEquals("", s.rulesBeyond(100), "none is later than the latest");
    }

    @Test
    void aRunWithoutMeasuredAlerts_namesNoRule() {
        AlertLatencies.Snapshot s = new AlertLatencies.Snapshot(0, 0, List.of());
        assertEquals("", s.rulesBeyond(99));
        assertEquals(Double.NaN, s.percentileMillis(99));
    }
}
