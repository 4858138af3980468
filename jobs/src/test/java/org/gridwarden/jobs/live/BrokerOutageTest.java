package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker out of reach for 30 s under the run defaults, while a service window keeps opening cases every
 * two seconds, each due 20 s later; the window's producer buffers what it cannot send and sends it when the
 * broker is back. Event time must wait for the broker: every case raises its OVERDUE alert, exactly as a
 * replay of the same topics does, and no record is dead-lettered as LATE.
 */
class BrokerOutageTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final QuietPartitions RUN_DEFAULTS = QuietPartitions.live(Duration.ofSeconds(10), Duration.ofSeconds(5));
    private static final Duration DUE_AFTER = Duration.ofSeconds(20);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CASES = 40;

    @Test
    void aThirtySecondOutage_losesNoDeadlineAndMakesNoRecordLate(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        try (LiveRun run = new LiveRun(EmbeddedKafka.builder().outageSwitch().start())) {
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster, RUN_DEFAULTS);
            Instant lastDue;
            Map<ProducerRecord<String, String>, Future<RecordMetadata>> sent = new LinkedHashMap<>();
            int resent = 0;
            try (KafkaProducer<String, String> window = producer(run)) {
                Instant outageAt = null;
                for (int i = 0; i < CASES; i++) {
                    if (i == 10) {
                        run.kafka.cutOff();
                        outageAt = Instant.now();
                    }
                    if (outageAt != null && Instant.now().isAfter(outageAt.plus(OUTAGE))) {
                        run.kafka.restore();
                        outageAt = null;
                    }
                    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    ProducerRecord<String, String> record =
                            new ProducerRecord<>(run.settings.ledgerEventsTopic(), "OUT-" + i, created(i, at));
                    sent.put(record, window.send(record));
                    Thread.sleep(2000);
                }
                if (outageAt != null) {
                    run.kafka.restore();
                }
                window.flush();
                // as a window's client does: what the producer gave up on is sent again, with its own time
                for (Map.Entry<ProducerRecord<String, String>, Future<RecordMetadata>> e : sent.entrySet()) {
                    try {
                        e.getValue().get();
                    } catch (ExecutionException failed) {
                        resent++;
                        window.send(e.getKey()).get();
                    }
                }
                lastDue = Instant.now().plus(DUE_AFTER);
            }
            while (Instant.now().isBefore(lastDue.plusSeconds(2))) {
                Thread.sleep(500);
            }
            Instant cut = lastDue.plusSeconds(1);
            List<Alert> expected = run.replayOfTopics(dir.resolve("replay"), cut);
            List<Alert> live = run.alertsBefore(cut, expected.size(), Duration.ofSeconds(180));
            int restarts = LiveRun.restarts(cluster, job);
            job.cancel().get();

            long overdue = live.stream().filter(a -> a.ruleId().equals("OVERDUE_CASE") && a.level().name().equals("OVERDUE"))
                    .count();
            System.out.printf("broker out for %d s: %d of %d cases raised OVERDUE (%d sent again by the window), %d"
                    + " alerts in all, %d restarts of tasks (from the broker, not the input)%n", OUTAGE.toSeconds(),
                    overdue, CASES, resent, live.size(), restarts);
            assertEquals(CASES, overdue, "every case raised its OVERDUE alert");
            SameAlerts.assertSame(expected, live, "a broker outage against a replay of the same topics");
            Map<String, Integer> reasons = DeadLetterReasons.count(run.kafka.bootstrapServers(), run.settings.deadLetterTopic());
            assertTrue(reasons.isEmpty(), "dead letters: " + reasons);
        }
    }

    private static String created(int i, Instant at) {
        return ("{\"eventId\":\"OUT-%d-c\",\"caseId\":\"OUT-%d\",\"type\":\"CREATED\",\"at\":\"%s\",\"channel\":\"WINDOW\","
                + "\"category\":\"welfare.subsidy_inquiry\",\"gridId\":\"S01C01G01\",\"priority\":\"NORMAL\",\"dueAt\":\"%s\"}")
                .formatted(i, i, iso(at), iso(at.plus(DUE_AFTER)));
    }

    private static String iso(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    /** A service window's producer: it keeps what it cannot send for two minutes, as Kafka's defaults do. */
    private static KafkaProducer<String, String> producer(LiveRun run) {
        Properties p = new Properties();
        p.put("bootstrap.servers", run.kafka.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

}
