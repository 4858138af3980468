package org.gridwarden.rules.testing;

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
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.privacy.PersonalDataGuard;

/**
 * A sample scenario's ledger events and grid reports, after the personal-data guard, through every rule family
 * of the registry at once on the test MiniCluster in BATCH mode, up to the replay horizon (the newest record).
 */
public final class AllRules {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AllRules() {}

    public static List<Alert> run(Path scenario, RuleContext ctx) throws Exception {
        PersonalDataGuard guard = new PersonalDataGuard(Fixtures.samplePseudonyms());
        List<LedgerEvent> events = read(scenario.resolve("ledger-events.jsonl"), LedgerEvent.class).stream()
                .map(guard::guard).toList();
        List<GridReport> reports = read(scenario.resolve("grid-reports.jsonl"), GridReport.class).stream()
                .map(guard::guard).toList();
        Instant horizon = Stream.concat(events.stream().map(LedgerEvent::at), reports.stream().map(GridReport::observedAt))
                .max(Comparator.naturalOrder()).orElseThrow();

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        // a bounded run never has late records, so file order is fine
        DataStream<LedgerEvent> ledger = env.fromCollection(events, TypeInformation.of(LedgerEvent.class))
                .uid("ledger").name("ledger")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LedgerEvent>noWatermarks()
                        .withTimestampAssigner((e, ts) -> e.at().toEpochMilli()))
                .uid("ledger-time").name("ledger-time");
        DataStream<GridReport> grid = env.fromCollection(reports, TypeInformation.of(GridReport.class))
                .uid("reports").name("reports")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<GridReport>noWatermarks()
                        .withTimestampAssigner((r, ts) -> r.observedAt().toEpochMilli()))
                .uid("reports-time").name("reports-time");
        RuleStreams streams = new RuleStreams(ledger, grid, RuleFamilies.SHIPPED.all(), ctx);
        RuleFamilies.SHIPPED.all().forEach(family -> family.operator().wire(streams, ctx));
        DataStream<Alert> alerts = RuleStreams.union(streams.alerts());
        List<Alert> out = new ArrayList<>();
        try (CloseableIterator<Alert> it = alerts.filter(new BeforeHorizon(horizon)).uid("horizon").name("horizon")
                .executeAndCollect("all rules")) {
            it.forEachRemaining(out::add);
        }
        out.sort(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId));
        return out;
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
