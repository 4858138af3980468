package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.ruleset.IngestLimits;
import org.gridwarden.rules.ruleset.IngestRules;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records built to stop the job, on the in-JVM broker with Kafka's default settings, with the largest record
 * limit a rule set may set (1 MiB): a valid case with a 300 KB caseId, 300 KB of control characters (whose dead
 * letter, JSON-escaped, would be 1.8 MB) and bytes that are not UTF-8. The recorded week played after them raises
 * all its 33 alerts with no restart, and each hostile record is dead-lettered with its reason.
 */
class HostileRecordsOnKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final java.nio.file.Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");
    private static final String CREATED = "{\"eventId\":\"%s-c\",\"caseId\":\"%s\",\"type\":\"CREATED\","
            + "\"at\":\"2026-11-16T08:00:00+08:00\",\"channel\":\"WINDOW\",\"category\":\"welfare.subsidy_inquiry\","
            + "\"gridId\":\"S01C01G01\",\"priority\":\"URGENT\"}";

    @Test
    void noHostileRecordRestartsTheJob_andEachIsDeadLetteredWithItsReason(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        RuleSet rs = Fixtures.ruleSet();
        IngestRules i = rs.ingest();
        RuleSet largestRecords = rs.withIngest(new IngestRules(i.allowedLateness(), i.duplicateRetention(),
                i.futureTolerance(), new IngestLimits(1 << 20, i.limits().idChars(), i.limits().textChars())));
        byte[] longCaseId = CREATED.formatted("LONG", "K".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        byte[] controls = "\u0001".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = (CREATED.formatted("BAD", "BAD").replace("}", ",\"address\":\"") + "\u00e6\"}")
                .getBytes(StandardCharsets.ISO_8859_1);

        try (LiveRun run = new LiveRun()) {
            JobClient job = run.startJob(largestRecords, null, cluster);
            send(run, longCaseId, controls, notUtf8);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), LiveRun.lines(WEEK, run.settings), 40_000, l -> {});
            run.awaitAlerts(33, Duration.ofSeconds(120));
            List<DeadLetter> dlq = DeadLetterReader.read(run.kafka.bootstrapServers(), run.settings.deadLetterTopic(),
                    d -> d.size() >= 3, Duration.ofSeconds(30));
            int restarts = 0;
            for (AccessExecutionVertex v : cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
                restarts += v.getCurrentExecutionAttempt().getAttemptNumber();
            }
            job.cancel().get();

            assertEquals(0, restarts, "no restart");
            SameAlerts.assertSame(LiveRun.expected(WEEK), run.on(run.settings.allAlertsTopic()), "the week's alerts");
            assertEquals(3, dlq.size(), "one dead letter per hostile record: " + dlq.stream().map(DeadLetter::reason).toList());

            DeadLetter longId = only(dlq, DeadLetter.FIELD_TOO_LONG);
            assertEquals(DeadLetter.FIELD_TOO_LONG, longId.reason());
            assertTrue(longId.detail().startsWith("field 'caseId': 300,000 characters"), longId.detail());
            assertEquals(new String(longCaseId, StandardCharsets.UTF_8), longId.raw(), "raw kept whole: it fits");

            DeadLetter control = only(dlq, DeadLetter.MALFORMED_JSON);
            assertEquals(DeadLetter.MALFORMED_JSON, control.reason());
            assertTrue(control.raw().startsWith("\u0001".repeat(1000)), "raw shortened, not replaced");
            assertTrue(control.raw().endsWith("…[truncated from 300,000 characters]"), "the shortening is visible");
            assertEquals(run.settings.ledgerEventsTopic(), control.source());

            DeadLetter encoding = only(dlq, DeadLetter.ENCODING);
            assertEquals(DeadLetter.ENCODING, encoding.reason());
            assertNull(encoding.raw());
            assertArrayEquals(notUtf8, Base64.getDecoder().decode(encoding.rawBase64()), "the bytes exactly as received");
        }
    }

    private static DeadLetter only(List<DeadLetter> dlq, String reason) {
        List<DeadLetter> found = dlq.stream().filter(d -> d.reason().equals(reason)).toList();
        assertEquals(1, found.size(), reason);
        return found.get(0);
    }

    /** Sends the records in order, on one partition of the ledger topic. */
    private static void send(LiveRun run, byte[]... values) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", run.kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(run.settings.ledgerEventsTopic(), 0, null, value)).get();
            }
        }
    }
}
