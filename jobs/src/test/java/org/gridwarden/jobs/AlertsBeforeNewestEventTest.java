package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.Test;

/** The in-job cut at the newest event: only with every task's reading in, never above what the client keeps. */
class AlertsBeforeNewestEventTest {

    private static final Instant NEWEST = Instant.parse("2026-11-20T02:00:00Z");
    private static final String REPORTS = "newest-grid-report";
    private static final String LEDGER = "newest-ledger-event";

    @Test
    void alertsAfterTheNewestEventAreDropped_onceEveryTaskHasSentItsReading() throws Exception {
        try (BroadcastOperatorTestHarness<Alert, Reading, Alert> harness = harness()) {
            harness.processBroadcastElement(new Reading(REPORTS, 0, 2, NEWEST.minusSeconds(60).toEpochMilli()), 0);
            harness.processBroadcastElement(new Reading(REPORTS, 1, 2, Long.MIN_VALUE), 0);
            harness.processBroadcastElement(new Reading(LEDGER, 0, 2, NEWEST.toEpochMilli()), 0);
            harness.processBroadcastElement(new Reading(LEDGER, 1, 2, NEWEST.minusSeconds(1).toEpochMilli()), 0);

            harness.processElement(alert("at", NEWEST), 0);
            harness.processElement(alert("before", NEWEST.minusMillis(1)), 0);
            harness.processElement(alert("after", NEWEST.plusMillis(1)), 0);

            assertEquals(List.of("at", "before"), ids(harness));
        }
    }

    @Test
    void alertsPass_whileATaskHasNotSentItsReading() throws Exception {
        try (BroadcastOperatorTestHarness<Alert, Reading, Alert> harness = harness()) {
            harness.processBroadcastElement(new Reading(REPORTS, 0, 1, NEWEST.toEpochMilli()), 0);
            harness.processBroadcastElement(new Reading(LEDGER, 0, 2, NEWEST.toEpochMilli()), 0);
            harness.processElement(alert("after, ledger task 1 still reading", NEWEST.plusSeconds(3600)), 0);

            harness.processBroadcastElement(new Reading(LEDGER, 1, 2, NEWEST.toEpochMilli()), 0);
            harness.processElement(alert("after, all read", NEWEST.plusSeconds(3600)), 0);

            assertEquals(List.of("after, ledger task 1 still reading"), ids(harness));
        }
    }

    private static BroadcastOperatorTestHarness<Alert, Reading, Alert> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new AlertsBeforeNewestEvent(2),
                NewestEventBound.READINGS);
    }

    private static List<String> ids(BroadcastOperatorTestHarness<Alert, Reading, Alert> harness) {
        return harness.extractOutputValues().stream().map(Alert::alertId).toList();
    }

    private static Alert alert(String id, Instant eventTime) {
        return new Alert(id, "OVERDUE_CASE", "test", AlertLevel.OVERDUE, AlertLevel.OVERDUE.severity(), "case:" + id,
                id, "street-donghu", "东湖街道办事处", "STREET", Ledger.GRID, null, null, null, null, null, null, null,
                null, "gas.leak", "gas", null, null, "标题", "消息", "Title", "Message", List.of(), eventTime, null, null);
    }
}
