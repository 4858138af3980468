package org.gridwarden.rules.ingest;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.InstantiationUtil;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.testing.SilentGridScenes;
import org.gridwarden.rules.testing.SilentGridScenes.ManualClock;
import org.junit.jupiter.api.Test;

/** The live watermark: event time while records flow, the wall clock (minus a lag) once a split is quiet. */
class QuietFallbackWatermarksTest {

    private static final Duration LATENESS = Duration.ofMinutes(10);
    private static final Duration QUIET_AFTER = Duration.ofMinutes(1);
    private static final Duration QUIET_LAG = Duration.ofSeconds(5);
    private static final Instant T0 = beijing("2026-11-20T23:00");

    /** Collects what the generator emits. */
    private static final class Output implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            throw new AssertionError("a quiet split follows the clock, it is never marked idle");
        }

        @Override
        public void markActive() {}

        Long last() {
            return watermarks.isEmpty() ? null : watermarks.get(watermarks.size() - 1);
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final Output output = new Output();
    private final QuietFallbackWatermarks generator = new QuietFallbackWatermarks(LATENESS, QUIET_AFTER, QUIET_LAG, clock);

    private void event(Instant eventTime) {
        Ingested r = SilentGridScenes.ingestedPatrol("R-" + eventTime.getEpochSecond(), "S01C01G01", eventTime);
        generator.onEvent(r, r.eventTimeMillis(), output);
    }

    private static long ms(Instant t) {
        return t.toEpochMilli();
    }

    @Test
    void events_advanceTheWatermark_toTheNewestEventTimeMinusTheAllowedLateness() {
        event(T0);
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.minus(LATENESS)) - 1, output.last());

        clock.advance(Duration.ofSeconds(30));
        event(T0.plusSeconds(30));
        event(T0.plusSeconds(10)); // out of order: the newest event time counts
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.plusSeconds(30).minus(LATENESS)) - 1, output.last());
    }

    @Test
    void quietSplit_followsTheWallClockMinusTheQuietLag_afterQuietAfter() {
        event(T0);
        clock.advance(QUIET_AFTER.minusMillis(1));
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.minus(LATENESS)) - 1, output.last(), "not quiet yet: event time only");

        clock.advance(Duration.ofMillis(1));
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.plus(QUIET_AFTER).minus(QUIET_LAG)), output.last(), "quiet: the clock drives it");

        clock.advance(Duration.ofHours(6)); // the whole quiet night
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.plus(QUIET_AFTER).plusSeconds(6 * 3600).minus(QUIET_LAG)), output.last());
    }

    @Test
    void splitThatNeverReceivesARecord_followsTheClockOnceQuietAfterHasPassed() {
        generator.onPeriodicEmit(output);
        assertEquals(List.of(), output.watermarks, "nothing known yet");
        clock.advance(QUIET_AFTER);
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.plus(QUIET_AFTER).minus(QUIET_LAG)), output.last());
    }

    @Test
    void eventAfterAQuietSpell_neverMovesTheWatermarkBackwards() {
        event(T0);
        clock.advance(Duration.ofMinutes(30));
        generator.onPeriodicEmit(output);
        long quietWatermark = output.last();
        assertEquals(ms(T0.plus(Duration.ofMinutes(30)).minus(QUIET_LAG)), quietWatermark);

        // a report observed a minute ago arrives: its own bound (event time - 10 min) lies far behind
        clock.advance(Duration.ofSeconds(1));
        event(T0.plus(Duration.ofMinutes(29)));
        generator.onPeriodicEmit(output);
        clock.advance(Duration.ofSeconds(20));
        generator.onPeriodicEmit(output);
        for (int i = 1; i < output.watermarks.size(); i++) {
            assertTrue(output.watermarks.get(i) > output.watermarks.get(i - 1), "strictly rising: " + output.watermarks);
        }
        assertEquals(quietWatermark, output.last(), "held, not moved back, while records flow again");

        // records keep flowing: event time takes over once it passes the held watermark
        event(T0.plus(Duration.ofMinutes(45)));
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.plus(Duration.ofMinutes(35))) - 1, output.last());
    }

    @Test
    void deadLetters_neverMoveTheWatermark_norCountAsActivity() {
        event(T0);
        generator.onPeriodicEmit(output);
        long before = output.last();

        Ingested deadLetter = Ingested.of(new DeadLetter(DeadLetter.MALFORMED_JSON, "not JSON", "grid.reports",
                "grid-reports.jsonl", null, null, 7L, "{oops"));
        clock.advance(Duration.ofSeconds(40));
        generator.onEvent(deadLetter, deadLetter.eventTimeMillis(), output);
        generator.onPeriodicEmit(output);
        assertEquals(before, output.last(), "a dead letter moves nothing");

        clock.advance(Duration.ofSeconds(20)); // 60 s since the last real record, 20 s since the dead letter
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.plus(QUIET_AFTER).minus(QUIET_LAG)), output.last(), "quiet in spite of the dead letter");
    }

    @Test
    void liveStrategy_isSerializable_andAssignsTheRecordsEventTime() throws Exception {
        WatermarkStrategy<Ingested> strategy = InstantiationUtil.clone(
                IngestWatermarks.liveStrategy(LATENESS, QUIET_AFTER, QUIET_LAG, WallClock.system()),
                getClass().getClassLoader());
        Ingested r = SilentGridScenes.ingestedPatrol("R-1", "S01C01G01", T0);
        TimestampAssigner<Ingested> assigner = strategy.createTimestampAssigner(UnregisteredMetricsGroup::new);
        assertEquals(ms(T0), assigner.extractTimestamp(r, 0L));
        WatermarkGenerator<Ingested> g = strategy.createWatermarkGenerator(null);
        assertTrue(g instanceof QuietFallbackWatermarks);
    }

    @Test
    void aSplitStalledInABacklog_doesNotSkipPastTheRecordsItHasYetToRead() {
        // a restart: the split reads records an hour old, then stalls (backpressure) longer than quietAfter
        event(T0.minus(Duration.ofHours(1)));
        clock.advance(QUIET_AFTER.plusSeconds(30));
        generator.onPeriodicEmit(output);
        assertEquals(ms(T0.minus(Duration.ofHours(1)).minus(LATENESS)) - 1, output.last(),
                "event time stays with the backlog, so its unread records are not late");
    }
}
