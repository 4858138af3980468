package org.gridwarden.rules.metrics;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job's own metrics as a metric reporter sees them: the ingest operators and the department router run on
 * a MiniCluster with Flink's in-memory reporter, and the counters are read back by their key/value groups.
 */
class JobMetricsTest {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final Instant T = beijing("2026-11-20T10:00");

    private static JobID ingestJob;
    private static JobID alertJob;

    /** Runs both jobs once; from a test, because the extension makes its cluster the default only then. */
    @BeforeEach
    void runJobsOnce() throws Exception {
        if (ingestJob != null) {
            return;
        }
        ingestJob = runIngest(List.of(
                valid("C1", T, 1),
                valid("C1", T, 2), // exact duplicate
                Ingested.of(deadLetter(DeadLetter.MALFORMED_JSON, 3)),
                Ingested.of(deadLetter(DeadLetter.MALFORMED_JSON, 4)),
                Ingested.of(deadLetter(DeadLetter.MISSING_FIELD, 5)),
                valid("C2", T.plus(Duration.ofHours(1)), 6),
                valid("C3", T, 7))); // behind the watermark C2 set: late
        alertJob = runRouter(List.of(
                alert("A1", "OVERDUE_CASE", AlertLevel.WARNING, "street-donghu"),
                alert("A2", "OVERDUE_CASE", AlertLevel.OVERDUE, "street-donghu"),
                alert("A3", "OVERDUE_CASE", AlertLevel.OVERDUE, "street-donghu"),
                alert("A4", "SILENT_GRID", AlertLevel.WARNING, "street-xicheng")));
    }

    @Test
    void alertsAreCountedByRuleLevelAndDepartment() {
        assertEquals(Map.of(
                        "OVERDUE_CASE/WARNING/street-donghu", 1L,
                        "OVERDUE_CASE/OVERDUE/street-donghu", 2L,
                        "SILENT_GRID/WARNING/street-xicheng", 1L),
                counters(alertJob, AlertMetrics.ALERTS, "<rule>", "<level>", "<department>"));
    }

    @Test
    void deadLettersAreCountedByReason_lateOnesByTheGate() {
        assertEquals(Map.of(DeadLetter.MALFORMED_JSON, 2L, DeadLetter.MISSING_FIELD, 1L, DeadLetter.LATE, 1L),
                counters(ingestJob, AlertMetrics.DEAD_LETTERS, "<reason>"));
    }

    @Test
    void ingestCountersKeepTheirNames() {
        assertEquals(Map.of("", 7L), counters(ingestJob, "records-in"));
        assertEquals(Map.of("", 1L), counters(ingestJob, "records-duplicate"));
        assertEquals(Map.of("", 1L), counters(ingestJob, "records-late"));
        assertEquals(Map.of("", 3L), counters(ingestJob, "records-invalid"));
        assertEquals(Map.of("", 2L), counters(ingestJob, "records-processed"));
    }

    @Test
    void eventTimeLagFollowsTheGatesWatermark_nothingPendingAtTheEndOfInput() {
        List<Object> lags = metrics(ingestJob, AlertMetrics.EVENT_TIME_LAG).values().stream()
                .map(m -> (Object) ((Gauge<?>) m).getValue()).toList();
        // -1 would mean the gauge never saw the operator's watermark; at the end of input it is at +infinity
        assertEquals(List.of(0L), lags);
    }

    private static JobID runIngest(List<Ingested> records) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // one channel end to end: each record's watermark reaches the gate before the next record
        env.fromData(records)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ingested>forGenerator(c -> new EveryRecord())
                        .withTimestampAssigner((r, ts) -> r.eventTimeMillis()))
                .process(new DeadLetterSplitter())
                .keyBy(IngestGate.KEY)
                .process(new IngestGate(Duration.ofDays(1), "0s"))
                .sinkTo(new DiscardingSink<>());
        return env.execute("ingest metrics").getJobID();
    }

    private static JobID runRouter(List<Alert> alerts) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(alerts)
                .flatMap(new DepartmentTopicRouter(Fixtures.reference(), "alerts.all"))
                .sinkTo(new DiscardingSink<>());
        return env.execute("alert metrics").getJobID();
    }

    /** Counter values of one job by the values of the given group variables, joined by "/". */
    private static Map<String, Long> counters(JobID job, String name, String... variables) {
        Map<String, Long> out = new TreeMap<>();
        REPORTER.getMetricsByGroup().forEach((group, metrics) -> {
            Metric m = metrics.get(name);
            if (m instanceof Counter c && ofJob(group, job)) {
                List<String> values = java.util.Arrays.stream(variables).map(v -> group.getAllVariables().get(v)).toList();
                out.merge(String.join("/", values), c.getCount(), Long::sum);
            }
        });
        return out;
    }

    private static Map<MetricGroup, Metric> metrics(JobID job, String name) {
        Map<MetricGroup, Metric> out = new java.util.HashMap<>();
        REPORTER.getMetricsByGroup().forEach((group, metrics) -> {
            if (metrics.containsKey(name) && ofJob(group, job)) {
                out.put(group, metrics.get(name));
            }
        });
        return out;
    }

    private static boolean ofJob(MetricGroup group, JobID job) {
        return job.toString().equals(group.getAllVariables().get("<job_id>"));
    }

    private static Ingested valid(String caseId, Instant at, long line) {
        return Ingested.of(Ledger.created(caseId, at, "gas.leak", Priority.URGENT),
                Origin.file("ledger.events", "ledger-events.jsonl", line, "{line " + line + "}"));
    }

    private static DeadLetter deadLetter(String reason, long line) {
        return Origin.file("ledger.events", "ledger-events.jsonl", line, "{line " + line + "}")
                .deadLetter(reason, "test");
    }

    private static Alert alert(String id, String rule, AlertLevel level, String department) {
        return new Alert(id, rule, "test", level, level.severity(), "case:" + id, id, department, department, "STREET",
                Ledger.GRID, null, null, null, null, null, null, null, null, "gas.leak", "gas", null, null, "标题", "消息", "Title", "Message",
                List.of(), T, null, null);
    }

    /** A watermark right after every record, so that lateness in this test does not depend on timing. */
    private static final class EveryRecord implements WatermarkGenerator<Ingested> {
        @Override
        public void onEvent(Ingested record, long timestamp, WatermarkOutput output) {
            if (record.isValid()) {
                output.emitWatermark(new Watermark(timestamp));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
