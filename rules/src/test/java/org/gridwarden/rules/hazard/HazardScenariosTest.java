package org.gridwarden.rules.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-made hazard scenarios through the three hazard rules in BATCH mode (records of a key in any order,
 * as in a replay): exactly the scenario's expected hazard alerts, field by field. The whole pipeline's
 * replay test checks the same files with every rule family.
 */
class HazardScenariosTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Set<String> HAZARD_RULES = Set.of(HazardNotReportedRule.RULE_ID,
            PatrolMissedHazardRule.RULE_ID, HazardNotFiledRule.RULE_ID);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @ParameterizedTest
    @ValueSource(strings = {"hazard-not-reported-by-grid", "patrol-missed-hazard", "hazard-not-filed"})
    void scenario_raisesExactlyTheExpectedHazardAlerts(String name) throws Exception {
        Path dir = Fixtures.sampleData().resolve("scenarios").resolve(name);
        List<Alert> expected = read(dir.resolve("expected-alerts.jsonl"), Alert.class).stream()
                .filter(a -> HAZARD_RULES.contains(a.ruleId())).toList();
        List<Alert> actual = run(read(dir.resolve("ledger-events.jsonl"), LedgerEvent.class),
                read(dir.resolve("grid-reports.jsonl"), GridReport.class));
        assertEquals(expected, actual);
    }

    private static List<Alert> run(List<LedgerEvent> ledgerEvents, List<GridReport> gridReports) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        // a bounded run never has late records, so file order (not sorted by time) is fine
        DataStream<LedgerEvent> ledger = env.fromData(ledgerEvents).uid("ledger").name("ledger")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LedgerEvent>noWatermarks()
                        .withTimestampAssigner((e, ts) -> e.at().toEpochMilli()))
                .uid("ledger-time").name("ledger-time");
        DataStream<GridReport> reports = env.fromData(gridReports).uid("reports").name("reports")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<GridReport>noWatermarks()
                        .withTimestampAssigner((r, ts) -> r.observedAt().toEpochMilli()))
                .uid("reports-time").name("reports-time");
        RuleContext ctx = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());
        DataStream<Alert> alerts = HazardNotReportedRule.detect(ledger, reports, ctx)
                .union(RuleStreams.alone(RuleFamilies.SHIPPED.of(RuleFamily.PATROL_MISSED_HAZARD), ledger, reports, ctx), HazardNotFiledRule.detect(ledger, reports, ctx));
        List<Alert> out = new ArrayList<>();
        try (CloseableIterator<Alert> it = alerts.executeAndCollect("hazard scenario")) {
            it.forEachRemaining(out::add);
        }
        // as in a replay: what would become true after the newest event has not happened yet
        Instant horizon = Stream.concat(ledgerEvents.stream().map(LedgerEvent::at),
                gridReports.stream().map(GridReport::observedAt)).max(Comparator.naturalOrder()).orElseThrow();
        BeforeHorizon beforeHorizon = new BeforeHorizon(horizon);
        return out.stream().filter(beforeHorizon::filter)
                .sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId)).toList();
    }

    private static <T> List<T> read(Path file, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readValue(line, type));
            }
        }
        return out;
    }
}
