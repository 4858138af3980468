package org.gridwarden.jobs.metrics;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.rules.ingest.DeadLetterSplitter;
import org.gridwarden.rules.ingest.IngestGate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.routing.DepartmentTopicRouter;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example queries of docs/metrics.md against what Flink's Prometheus reporter really serves: the job's
 * metric operators run under the live job's name on a MiniCluster with the reporter on a free port, the HTTP
 * endpoint is scraped, and every metric, label and label value the queries use must be in the scrape. The
 * queries are read from the document, so it cannot drift from the reporter's naming.
 */
class PrometheusQueriesTest {

    private static final Path DOC = Path.of("..", "docs", "metrics.md");
    private static final int PORT = freePort();
    private static final Instant T = beijing("2026-11-20T10:00");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(prometheus()).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void everyMetricLabelAndValueOfTheDocumentsQueriesIsInARealScrape() throws Exception {
        PromQueries doc = PromQueries.of(Files.readString(DOC));
        assertTrue(doc.queries().size() >= 5, "queries found in " + DOC + ": " + doc.queries());
        Set<String> names = doc.queries().stream().flatMap(q -> q.metrics().stream()).collect(Collectors.toSet());

        JobClient job = start();
        Map<String, List<Map<String, String>>> scrape;
        try {
            scrape = scrapeUntil(names);
        } finally {
            HeldSource.RELEASE.countDown();
            job.getJobExecutionResult().get();
        }

        List<String> missing = new ArrayList<>();
        for (PromQueries.Query q : doc.queries()) {
            for (String metric : q.metrics()) {
                List<Map<String, String>> samples = scrape.getOrDefault(metric, List.of());
                if (samples.isEmpty()) {
                    missing.add(metric + " (no such metric) in: " + q.text());
                    continue;
                }
                for (String label : q.labels()) {
                    if (samples.stream().noneMatch(s -> s.containsKey(label))) {
                        missing.add(metric + " has no label " + label + " (it has " + samples.get(0).keySet() + ")");
                    }
                }
                for (PromQueries.LabelMatch m : q.matchers()) {
                    Pattern value = Pattern.compile(m.regex() ? m.value() : Pattern.quote(m.value()));
                    if (samples.stream().noneMatch(s -> s.containsKey(m.label())
                            && value.matcher(s.get(m.label())).matches())) {
                        missing.add(metric + "{" + m.label() + (m.regex() ? "=~" : "=") + "\"" + m.value()
                                + "\"} matches nothing; values: " + samples.stream().map(s -> s.get(m.label()))
                                .collect(Collectors.toSet()));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theQueriesAreFoundInTheDocument() throws IOException {
        PromQueries doc = PromQueries.of(Files.readString(DOC));
        PromQueries.Query first = doc.queries().get(0);
        assertEquals(Set.of("flink_taskmanager_job_task_operator_rule_level_department_alerts"), first.metrics());
        assertTrue(first.labels().containsAll(Set.of("department", "job_name")), first.labels().toString());
        assertFalse(doc.queries().stream().anyMatch(q -> q.metrics().isEmpty()), doc.queries().toString());
    }

    /** The ingest operators and the router, which register the documented metrics, under the live job's name. */
    private static JobClient start() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        SingleOutputStreamOperator<Ingested> split = env
                .addSource(HeldSource.of("ingest", List.of(valid("C1", 1), valid("C1", 2),
                        Ingested.of(deadLetter(DeadLetter.MALFORMED_JSON, 3)))), "ingest", TypeInformation.of(Ingested.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ingested>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.eventTimeMillis()))
                .process(new DeadLetterSplitter());
        split.keyBy(IngestGate.KEY).process(new IngestGate(Duration.ofDays(1), "0s")).sinkTo(new DiscardingSink<>());
        split.getSideOutput(DeadLetterSplitter.DEAD_LETTERS).sinkTo(new DiscardingSink<>());
        env.addSource(HeldSource.of("alerts", List.of(alert("A1", AlertLevel.OVERDUE), alert("A2", AlertLevel.ESCALATED))),
                        "alerts", TypeInformation.of(Alert.class))
                .flatMap(new DepartmentTopicRouter(Fixtures.reference(), "alerts.all"))
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync(LiveJob.NAME);
    }

    /** Scrapes until every named metric is served (labelled counters appear on first use), or gives up. */
    private static Map<String, List<Map<String, String>>> scrapeUntil(Set<String> names) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/metrics")).build();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Map<String, List<Map<String, String>>> samples = PromQueries.samples(
                    http.send(get, HttpResponse.BodyHandlers.ofString()).body());
            if (samples.keySet().containsAll(names) || Instant.now().isAfter(giveUp)) {
                return samples;
            }
            Thread.sleep(200);
        }
    }

    private static Configuration prometheus() {
        Configuration conf = new Configuration();
        conf.setString("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        conf.setString("metrics.reporter.prom.port", String.valueOf(PORT));
        return conf;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Ingested valid(String caseId, long line) {
        return Ingested.of(Ledger.created(caseId, T, "gas.leak", Priority.URGENT),
                Origin.file("ledger.events", "ledger-events.jsonl", line, "{line " + line + "}"));
    }

    private static DeadLetter deadLetter(String reason, long line) {
        return Origin.file("ledger.events", "ledger-events.jsonl", line, "{line " + line + "}").deadLetter(reason, "test");
    }

    private static Alert alert(String id, AlertLevel level) {
        return new Alert(id, "OVERDUE_CASE", "test", level, level.severity(), "case:" + id, id, "street-donghu",
                "东湖街道办事处", "STREET", Ledger.GRID, null, null, null, null, null, null, null, null, "gas.leak", "gas",
                null, null, "标题", "消息", "Title", "Message", List.of(), T, null, null);
    }
}
