package org.gridwarden.rules.risk;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.ruleset.RiskIndexRules;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.gridwarden.rules.testing.Harnesses;
import org.junit.jupiter.api.Test;

/**
 * The risk index of a grid through the operator harness: how it decays, when it is published, that it forgets a
 * quiet grid, and that arrival order and a bounded run's end give the same records.
 */
class GridRiskIndexTest {

    private static final Instant T = beijing("2026-11-16T09:00");
    private static final Duration DAY = Duration.ofDays(1);
    private static final RiskIndexRules RULES = RiskIndexRules.defaults();

    @Test
    void oneWarning_isPublishedAtOnce_thenDailyAsItHalvesEveryWeek_thenZeroOnceBelowTheFloor() throws Exception {
        try (var h = harness(RULES)) {
            h.processElement(alert("A1", "S01C01G01", AlertLevel.WARNING, T), T.toEpochMilli());
            h.processWatermark(T.plus(Duration.ofDays(30)).toEpochMilli());

            List<GridRisk> published = h.extractOutputValues();
            List<GridRisk> daily = new ArrayList<>();
            for (int day = 0; day <= 16; day++) {
                daily.add(GridRisk.of("S01C01G01", "S01C01", "S01", Math.pow(2, -day / 7.0), T.plus(DAY.multipliedBy(day))));
            }
            assertEquals(daily, published.subList(0, 17));
            // 1 * 2^(-t / 7d) = 0.2 after 7d * log2(5) = 16.25 days
            double quiet = Duration.ofDays(7).toMillis() * (Math.log(5) / Math.log(2));
            GridRisk last = published.get(17);
            assertEquals(0.0, last.index());
            assertEquals(quiet, last.at().toEpochMilli() - T.toEpochMilli(), 2.0);
            assertEquals(18, published.size());
            Harnesses.assertForgotten(h);
        }
    }

    @Test
    void aSecondAlert_isPublishedWhenItMovesTheIndexByMoreThanTheStep_andAddsToTheDecayedFirst() throws Exception {
        RiskIndexRules wideStep = new RiskIndexRules(RULES.halfLife(), RULES.weights(), 2.5, RULES.interval(),
                RULES.floor());
        try (var h = harness(wideStep)) {
            h.processElement(alert("A1", "G", AlertLevel.CRITICAL, T), T.toEpochMilli());
            h.processElement(alert("A2", "G", AlertLevel.WARNING, T.plusSeconds(3600)), T.plusSeconds(3600).toEpochMilli());
            h.processElement(alert("A3", "G", AlertLevel.ESCALATED, T.plusSeconds(7200)), T.plusSeconds(7200).toEpochMilli());
            h.processWatermark(T.plusSeconds(7200).toEpochMilli());

            double first = 8;
            double afterWarning = 8 * Math.pow(2, -1.0 / 168) + 1; // moved by 0.97: not published
            double afterEscalation = afterWarning * Math.pow(2, -1.0 / 168) + 4;
            assertEquals(List.of(GridRisk.of("G", "S01C01", "S01", first, T),
                    GridRisk.of("G", "S01C01", "S01", afterEscalation, T.plusSeconds(7200))), h.extractOutputValues());
        }
    }

    @Test
    void oneFindingSentToTwoDepartments_countsOnce() throws Exception {
        try (var h = harness(RULES)) {
            Alert street = alert("H1|street", "G", AlertLevel.ALERT, T);
            Alert district = new Alert("H1|district", street.ruleId(), street.ruleSetVersion(), street.level(),
                    street.severity(), street.subjectKey(), street.caseId(), "emergency", null, "DISTRICT",
                    street.gridId(), null, street.communityId(), null, street.streetId(), null, null, null, null, null,
                    null, null, null, "t", "m", "t", "m", street.evidence(), street.eventTime(), null, null);
            h.processElement(street, T.toEpochMilli());
            h.processElement(district, T.toEpochMilli());
            h.processWatermark(T.toEpochMilli());

            assertEquals(List.of(GridRisk.of("G", "S01C01", "S01", 3, T)), h.extractOutputValues());
        }
    }

    @Test
    void outOfOrderLiveArrival_andABoundedRunsEnd_publishTheSameRecords() throws Exception {
        Random random = new Random(16);
        AlertLevel[] levels = AlertLevel.values();
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Instant at = T.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 40)));
            alerts.add(alert("A" + i, "G" + random.nextInt(3), levels[random.nextInt(levels.length)], at));
        }
        alerts.sort(Comparator.comparing(Alert::eventTime));

        List<GridRisk> live;
        try (var h = harness(RULES)) {
            // arriving up to 10 minutes out of order, the watermark 10 minutes behind the newest
            List<Alert> arrivals = new ArrayList<>(alerts);
            for (int i = 0; i + 1 < arrivals.size(); i += 2) {
                if (Duration.between(arrivals.get(i).eventTime(), arrivals.get(i + 1).eventTime()).toMinutes() < 10) {
                    arrivals.set(i, arrivals.set(i + 1, arrivals.get(i)));
                }
            }
            long newest = Long.MIN_VALUE;
            for (Alert a : arrivals) {
                h.processElement(a, a.eventTime().toEpochMilli());
                newest = Math.max(newest, a.eventTime().toEpochMilli());
                h.processWatermark(newest - Duration.ofMinutes(10).toMillis());
            }
            h.processWatermark(Long.MAX_VALUE);
            live = h.extractOutputValues();
            Harnesses.assertForgotten(h);
        }
        List<GridRisk> bounded;
        try (var h = harness(RULES)) {
            for (Alert a : alerts) {
                h.processElement(a, a.eventTime().toEpochMilli());
            }
            h.processWatermark(Long.MAX_VALUE); // a BATCH run fires every timer at the end of its input
            bounded = h.extractOutputValues();
            Harnesses.assertForgotten(h);
        }
        Comparator<GridRisk> order = Comparator.comparing(GridRisk::at).thenComparing(GridRisk::riskId);
        live.sort(order);
        bounded.sort(order);
        assertEquals(bounded, live);
        assertEquals(live.size(), live.stream().map(GridRisk::riskId).distinct().count(), "a risk id twice");
        assertTrue(live.size() > 3 * 20, "published " + live.size());
        for (String grid : List.of("G0", "G1", "G2")) {
            List<GridRisk> ofGrid = live.stream().filter(r -> r.gridId().equals(grid)).toList();
            assertEquals(0.0, ofGrid.get(ofGrid.size() - 1).index(), grid + " ends quiet");
        }
    }

    @Test
    void aLevelTheSectionDoesNotWeigh_addsNothing_andTheGridIsForgottenUnpublished() throws Exception {
        RiskIndexRules onlyCritical = new RiskIndexRules(RULES.halfLife(), Map.of(AlertLevel.CRITICAL, 8.0),
                RULES.step(), TimeSpan.parse("24h"), RULES.floor());
        try (var h = harness(onlyCritical)) {
            h.processElement(alert("A1", "G", AlertLevel.WARNING, T), T.toEpochMilli());
            h.processWatermark(T.plus(DAY).toEpochMilli());
            assertEquals(List.of(), h.extractOutputValues());
            Harnesses.assertForgotten(h);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, Alert, GridRisk> harness(RiskIndexRules rules)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new GridRiskIndex(rules), GridRiskIndex.KEY,
                IdKey.TYPE);
    }

    private static Alert alert(String id, String grid, AlertLevel level, Instant at) {
        return new Alert(id, "OVERDUE_CASE", "test", level, level.severity(), "case:" + id, id, "street-donghu", null,
                "STREET", grid, null, "S01C01", null, "S01", null, null, null, null, "fire.blocked_exit", "fire", null,
                null, "标题", "消息", "Title", "Message", List.of(id), at, null, null);
    }
}
