package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.ingest.IngestCounters;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Garbage, truncated JSON, unknown enums and references mixed with valid records on the input topics: the live
 * job never fails because of input, ingest.dlq holds each bad record with its reason, topic, partition, offset
 * and raw text, and the counts reconcile.
 */
class BadInputOnKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path MALFORMED = Fixtures.sampleData().resolve("scenarios/malformed");

    @Test
    void badRecordsAreDeadLetteredWithReasonAndOffset_andTheJobKeepsRunning(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        Map<String, String> reasonOfRaw = expectedReasons();
        try (LiveRun run = new LiveRun()) {
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster);
            List<TimedLinePlayer.Line> lines = LiveRun.lines(MALFORMED, run.settings);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), lines, 1_000_000, l -> {});
            // valid records wait in the duplicate check until the watermark passes them: a patrol a day later moves it
            Instant nextDay = Instant.parse("2026-11-21T02:00:00Z");
            TimedLinePlayer.play(run.kafka.bootstrapServers(), List.of(new TimedLinePlayer.Line(
                    run.settings.gridReportsTopic(), "{\"reportId\":\"GR-next-day\",\"gridId\":\"S01C01G01\","
                    + "\"workerId\":\"W0001\",\"kind\":\"PATROL\",\"hazardFound\":false,"
                    + "\"observedAt\":\"2026-11-21T10:00:00+08:00\"}", nextDay, "GR-next-day", 0, null)), 1_000_000, l -> {});

            List<DeadLetter> dlq = readDeadLetters(run, reasonOfRaw.size(), Duration.ofSeconds(60));
            Map<String, Object> counters = awaitAccounted(job, lines.size() + 1, Duration.ofSeconds(60));
            assertEquals(JobStatus.RUNNING, job.getJobStatus().get(), "bad input never fails the job");
            job.cancel().get();

            assertEquals(reasonOfRaw.size(), dlq.size(), "one dead letter per bad record");
            for (DeadLetter d : dlq) {
                assertEquals(reasonOfRaw.get(d.raw()), d.reason(), d.raw() + ": " + d.detail());
                assertTrue(d.source().equals(run.settings.gridReportsTopic())
                        || d.source().equals(run.settings.ledgerEventsTopic()), d.source());
                assertTrue(d.partition() != null && d.offset() != null && d.offset() >= 0, "partition and offset");
            }
            long in = (Long) counters.get(IngestCounters.IN);
            long processed = (Long) counters.get(IngestCounters.PROCESSED);
            long invalid = (Long) counters.get(IngestCounters.INVALID);
            long late = (Long) counters.getOrDefault(IngestCounters.LATE, 0L);
            long conflicting = (Long) counters.getOrDefault(IngestCounters.CONFLICTING, 0L);
            long duplicates = (Long) counters.get(IngestCounters.DUPLICATES);
            assertEquals(lines.size() + 1, in);
            assertEquals(in - 1, processed + invalid + late + conflicting + duplicates,
                    "in = processed + dead-lettered + duplicates + the next day's patrol, waiting for its watermark");
            assertEquals(dlq.size(), invalid + late + conflicting);
        }
    }

    /** The raw line of each bad record of the scenario, with the reason the file-based test expects for it. */
    private static Map<String, String> expectedReasons() throws Exception {
        Map<String, String> reasons = new java.util.HashMap<>();
        for (String[] e : Files.readAllLines(MALFORMED.resolve("expected-dead-letters.tsv")).stream()
                .filter(l -> !l.startsWith("#")).map(l -> l.split("\t")).toList()) {
            String raw = Files.readAllLines(MALFORMED.resolve(e[0])).get(Integer.parseInt(e[1]) - 1);
            reasons.put(raw, e[2]);
        }
        return reasons;
    }

    private static List<DeadLetter> readDeadLetters(LiveRun run, int count, Duration max) {
        Properties p = new Properties();
        p.put("bootstrap.servers", run.kafka.bootstrapServers());
        p.put("group.id", "dlq-reader");
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        AlertCodec codec = new AlertCodec();
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(run.settings.deadLetterTopic()));
            Instant deadline = Instant.now().plus(max);
            while (out.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(codec.decodeDeadLetter(r.value()));
                }
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(2))) {
                out.add(codec.decodeDeadLetter(r.value())); // any extra would show as a failure
            }
        }
        return out;
    }

    /** The accumulators once all {@code in} records are in and all but the newest are accounted for. */
    private static Map<String, Object> awaitAccounted(JobClient job, long in, Duration max) throws Exception {
        Instant deadline = Instant.now().plus(max);
        Map<String, Object> acc = job.getAccumulators().get();
        while (!(accounted(acc) == in - 1 && Long.valueOf(in).equals(acc.get(IngestCounters.IN)))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            acc = job.getAccumulators().get();
        }
        return acc.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private static long accounted(Map<String, Object> acc) {
        return java.util.stream.Stream.of(IngestCounters.PROCESSED, IngestCounters.INVALID, IngestCounters.LATE,
                        IngestCounters.CONFLICTING, IngestCounters.DUPLICATES)
                .mapToLong(name -> (Long) acc.getOrDefault(name, 0L)).sum();
    }
}
