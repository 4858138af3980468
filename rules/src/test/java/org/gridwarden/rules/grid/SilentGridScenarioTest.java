package org.gridwarden.rules.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.SilentGridScenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hand-made scenario sample-data/scenarios/silent-grid through the wired rule on a MiniCluster
 * (parallelism 2, generic types and generated uids off), in STREAMING and in BATCH: the same alerts, field
 * by field, as expected-alerts.jsonl, up to the replay horizon (the newest event).
 */
class SilentGridScenarioTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path SCENARIO = Fixtures.sampleData().resolve("scenarios/silent-grid");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    @Test
    void scenario_raisesExactlyTheExpectedAlerts_inStreamingAndInBatch() throws Exception {
        List<Alert> expected = sorted(read("expected-alerts.jsonl", Alert.class));
        List<Alert> streaming = run(RuntimeExecutionMode.STREAMING);
        List<Alert> batch = run(RuntimeExecutionMode.BATCH);
        assertEquals(expected.size(), streaming.size(), "number of alerts (streaming)");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), streaming.get(i), "alert " + i);
        }
        assertEquals(streaming, batch, "BATCH and STREAMING raise the same alerts, with the same ids");
    }

    @SuppressWarnings("deprecation")
    private static List<Alert> run(RuntimeExecutionMode mode) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);

        List<GridReport> reports = read("grid-reports.jsonl", GridReport.class);
        List<LedgerEvent> ledger = read("ledger-events.jsonl", LedgerEvent.class);
        Instant horizon = reports.stream().map(GridReport::observedAt).max(Comparator.naturalOrder()).orElseThrow();
        DataStream<GridReport> reportStream = env.fromData(reports, TypeInformation.of(GridReport.class))
                .uid("reports").name("reports")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<GridReport>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.observedAt().toEpochMilli()))
                .uid("report-times").name("report times");
        // fromData cannot make an empty stream (the scenario has no ledger events); fromCollection can
        DataStream<LedgerEvent> ledgerStream = env.fromCollection(ledger, TypeInformation.of(LedgerEvent.class))
                .uid("ledger").name("ledger")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LedgerEvent>forMonotonousTimestamps()
                        .withTimestampAssigner((e, ts) -> e.at().toEpochMilli()))
                .uid("ledger-times").name("ledger times");
        List<Alert> alerts = new ArrayList<>();
        SilentGridRule.detect(ledgerStream, reportStream, SilentGridScenes.context())
                .filter(new BeforeHorizon(horizon)).uid("horizon").name("horizon")
                .executeAndCollect().forEachRemaining(alerts::add);
        return sorted(alerts);
    }

    private static <T> List<T> read(String file, Class<T> type) throws Exception {
        List<T> out = new ArrayList<>();
        for (String line : Files.readAllLines(SCENARIO.resolve(file))) {
            if (!line.isBlank()) {
                out.add(JSON.readValue(line, type));
            }
        }
        return out;
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        return alerts.stream().sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId)).toList();
    }
}
