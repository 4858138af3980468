package org.gridwarden.rules.hazard;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.HazardInputs.GRID;
import static org.gridwarden.rules.testing.HazardInputs.closed;
import static org.gridwarden.rules.testing.HazardInputs.created;
import static org.gridwarden.rules.testing.HazardInputs.hazardReport;
import static org.gridwarden.rules.testing.HazardInputs.patrol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three hazard rules wired as jobs on a MiniCluster (parallelism 2, generic types and automatic uids off),
 * in STREAMING and in BATCH mode: the same alert ids either way. The not-filed cases exercise the CEP pattern.
 */
class HazardRulesJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant T = beijing("2026-11-16T09:00");
    private static final RuleContext CTX = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());

    private static List<Alert> streaming;
    private static List<Alert> batch;

    private static Instant hours(double h) {
        return T.plus(Duration.ofMinutes(Math.round(h * 60)));
    }

    private static String building(int n) {
        return GRID + "-B" + String.format("%02d", n);
    }

    /** Not-filed cases R1..R8 in grid S01C01G01, then one case for each of the other two rules. */
    private static List<GridReport> reports() {
        return sorted(new ArrayList<>(List.of(
                hazardReport("R1", T, "fire.blocked_exit", building(3)),
                hazardReport("R2", T, "gas.leak", building(5)),
                hazardReport("R3", T, "building.facade_falling", building(6)),
                hazardReport("R4", T, "environment.open_burning", building(7)),
                hazardReport("R5", T, "sanitation.manhole_cover", building(8)),
                hazardReport("R6", T, "market.unsafe_food", building(9)),
                hazardReport("R7", T, "public_order.security_hazard", building(10)),
                hazardReport("R8", T, "health.illegal_practice", building(11)),
                patrol("P1", hours(30), building(20), false))), GridReport::observedAt);
    }

    private static List<LedgerEvent> ledger() {
        return sorted(new ArrayList<>(List.of(
                // R2 filed by its id 5 h later (from another building, so only the id links them)
                created("K2", GRID, hours(5), Channel.GRID, "gas.leak", building(12), "R2"),
                // R3 filed without its id: same grid, building and family, from the grid
                created("K3", GRID, hours(3), Channel.GRID, "building.dangerous_house", building(6), null),
                // R4: same building from the grid, but another family
                created("K4", GRID, hours(2), Channel.GRID, "fire.illegal_wiring", building(7), null),
                // R5 filed at exactly observedAt + 24 h: in time
                created("K5", GRID, hours(24), Channel.APP, "sanitation.manhole_cover", null, "R5"),
                // R6 filed 25 h later: too late
                created("K6", GRID, hours(25), Channel.GRID, "market.unsafe_food", building(9), "R6"),
                // R7 filed the instant it was observed
                created("K7", GRID, T, Channel.GRID, "public_order.security_hazard", building(10), "R7"),
                // R8: a matching case one hour before the report does not file it
                created("K8", GRID, hours(-1), Channel.GRID, "health.illegal_practice", building(11), null),
                // a hotline hazard in a grid with no grid report of its family: 隐患漏报
                created("K9", "S02C01G01", hours(1), Channel.HOTLINE, "gas.illegal_cylinder", null, null),
                // a hazard complaint on building 20 ten hours after P1 found nothing there: 巡查未发现
                created("K10", GRID, hours(40), Channel.HOTLINE, "fire.ebike_indoor_charging", building(20), null),
                closed("K10", hours(41)))), LedgerEvent::at);
    }

    private static <T> List<T> sorted(List<T> list, java.util.function.Function<T, Instant> time) {
        list.sort(Comparator.comparing(time));
        return list;
    }

    @BeforeAll
    static void run() throws Exception {
        streaming = run(RuntimeExecutionMode.STREAMING);
        batch = run(RuntimeExecutionMode.BATCH);
    }

    private static List<Alert> run(RuntimeExecutionMode mode) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(mode);
        env.setParallelism(2);
        DataStream<LedgerEvent> ledger = env.fromData(ledger()).uid("ledger").name("ledger")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LedgerEvent>forMonotonousTimestamps()
                        .withTimestampAssigner((e, ts) -> e.at().toEpochMilli()))
                .uid("ledger-time").name("ledger-time");
        DataStream<GridReport> reports = env.fromData(reports()).uid("reports").name("reports")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<GridReport>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.observedAt().toEpochMilli()))
                .uid("reports-time").name("reports-time");
        DataStream<Alert> alerts = HazardNotFiledRule.detect(ledger, reports, CTX)
                .union(HazardNotReportedRule.detect(ledger, reports, CTX),
                        RuleStreams.alone(RuleFamilies.SHIPPED.of(RuleFamily.PATROL_MISSED_HAZARD), ledger, reports, CTX));
        List<Alert> out = new ArrayList<>();
        try (CloseableIterator<Alert> it = alerts.executeAndCollect("hazard rules " + mode)) {
            it.forEachRemaining(out::add);
        }
        out.sort(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId));
        return out;
    }

    private static List<String> of(List<Alert> alerts, String ruleId) {
        return alerts.stream().filter(a -> a.ruleId().equals(ruleId))
                .map(a -> a.subjectKey() + " " + a.department() + " " + a.eventTime()).toList();
    }

    @Test
    void streamingAndBatch_raiseTheSameAlertIds() {
        assertEquals(streaming.stream().map(Alert::alertId).toList(), batch.stream().map(Alert::alertId).toList());
        assertEquals(streaming, batch);
    }

    @Test
    void hazardReportsNotFiled_areThoseWithoutAMatchingCaseWithinTheLimit() {
        Instant due = hours(24);
        assertEquals(List.of(
                "report:R1 supervision-office " + due,
                "report:R4 supervision-office " + due,
                "report:R6 supervision-office " + due,
                "report:R8 supervision-office " + due),
                of(batch, HazardNotFiledRule.RULE_ID).stream().sorted().toList());
        Alert r1 = batch.stream().filter(a -> a.subjectKey().equals("report:R1")).findFirst().orElseThrow();
        assertEquals(AlertLevel.ALERT, r1.level());
        assertEquals(List.of("R1"), r1.evidence());
        assertEquals("SUPERVISION", r1.departmentTier());
        assertEquals(due, r1.deadline());
        assertTrue(r1.title().startsWith("隐患未立案"), r1.title());
    }

    @Test
    void hotlineHazardWithoutGridReport_goesToStreetOfficeAndDistrictDepartment() {
        assertEquals(List.of(
                "grid:S02C01G01|gas street-xicheng " + hours(25),
                "grid:S02C01G01|gas urban-management " + hours(25)),
                of(batch, HazardNotReportedRule.RULE_ID).stream().sorted().toList());
    }

    @Test
    void nothingFoundPatrolFollowedByAComplaint_warnsTheStreetOffice() {
        assertEquals(List.of("building:S01C01G01-B20 street-donghu " + hours(40)),
                of(batch, PatrolMissedHazardRule.RULE_ID));
    }
}
