package org.gridwarden.rules.grid;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.ingest.IngestWatermarks;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.testing.SilentGridScenes;
import org.gridwarden.rules.testing.SilentGridScenes.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6, a quiet night in live mode: the last patrol comes in, then nothing for days. The live watermark
 * (driven by a manual wall clock) alone must carry the silent-grid deadline to its alert, on time; the
 * event-time-only watermark of replay never gets there.
 */
class QuietNightTest {

    private static final Duration LATENESS = Duration.ofMinutes(10);
    private static final Duration QUIET_AFTER = Duration.ofMinutes(1);
    private static final Duration QUIET_LAG = Duration.ofSeconds(5);
    private static final Duration AUTO_WATERMARK_INTERVAL = Duration.ofMillis(200);
    private static final String GRID = "S01C01G01";
    private static final Instant LAST_PATROL = beijing("2026-11-20T21:00");
    private static final Instant DUE = LAST_PATROL.plus(Duration.ofDays(3));

    private final ManualClock clock = new ManualClock(LAST_PATROL);
    private KeyedOneInputStreamOperatorTestHarness<String, GridActivity, Alert> rule;

    @BeforeEach
    void open() throws Exception {
        rule = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SilentGridRule(SilentGridScenes.context()), a -> "district", Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        rule.close();
    }

    /** Feeds the generator's watermarks to the rule, as the source operator does. */
    private final WatermarkOutput toRule = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            try {
                rule.processWatermark(watermark.getTimestamp());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    };

    /** The last record of the night reaches source and rule; then only the wall clock moves, up to {@code end}. */
    private List<Alert> quietNight(WatermarkGenerator<Ingested> source, Instant end) throws Exception {
        Ingested last = SilentGridScenes.ingestedPatrol("R-LAST", GRID, LAST_PATROL);
        source.onEvent(last, last.eventTimeMillis(), toRule);
        rule.processElement(GridActivity.ofReport(last.report()), last.eventTimeMillis());
        while (clock.millis() + AUTO_WATERMARK_INTERVAL.toMillis() <= end.toEpochMilli()) {
            clock.advance(AUTO_WATERMARK_INTERVAL);
            source.onPeriodicEmit(toRule);
        }
        return rule.extractOutputValues().stream().filter(a -> a.gridId().equals(GRID)).toList();
    }

    @Test
    void liveWatermark_carriesTheDeadlineToItsAlert_withinQuietAfterPlusLagPlusOneInterval() throws Exception {
        WatermarkGenerator<Ingested> live = IngestWatermarks.liveStrategy(LATENESS, QUIET_AFTER, QUIET_LAG, clock)
                .createWatermarkGenerator(null);
        List<Alert> before = quietNight(live, DUE.plus(QUIET_LAG).minusMillis(1));
        assertEquals(List.of(), before, "the wall clock has not reached the deadline plus the lag");

        clock.advance(QUIET_LAG.plus(AUTO_WATERMARK_INTERVAL));
        live.onPeriodicEmit(toRule);
        List<Alert> alerts = rule.extractOutputValues().stream().filter(a -> a.gridId().equals(GRID)).toList();
        assertEquals(1, alerts.size(), "raised with no further record");
        assertEquals(DUE, alerts.get(0).eventTime());
        assertEquals(List.of("R-LAST"), alerts.get(0).evidence());
    }

    @Test
    void eventTimeOnlyWatermark_stopsOnAQuietNight_soReplayAndDemoRaiseNothingWithoutData() throws Exception {
        WatermarkGenerator<Ingested> replay = IngestWatermarks.strategy(LATENESS, null).createWatermarkGenerator(null);
        List<Alert> alerts = quietNight(replay, DUE.plus(Duration.ofHours(1)));
        assertTrue(alerts.isEmpty(), "the watermark stays at the last event minus the lateness: " + alerts);
    }
}
