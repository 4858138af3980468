package org.gridwarden.app.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridwarden.app.watch.AlertWatch;
import org.gridwarden.connectors.kafka.AlertRecordSerializer;
import org.gridwarden.rules.routing.RoutedAlert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/**
 * {@code watch --group-id}: a restarted watch goes on where the last one stopped, and a watch that loses the
 * broker says so, says when it is back, and goes on without showing an alert twice or skipping one.
 */
class WatchResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "alerts.all";

    @Test
    void aWatchOfAGroupResumesExactlyAfterARestartAndAfterALostBroker() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().outageSwitch().start()) {
            kafka.createTopics(List.of(TOPIC), 2);
            send(kafka, 0, 1, 2);
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            try (AlertWatch watch = start(kafka, first)) {
                await(() -> watch.view().received() >= 3);
            }

            send(kafka, 3, 4);
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            try (AlertWatch watch = start(kafka, second)) {
                await(() -> watch.view().received() >= 2);
                kafka.cutOff();
                await(() -> text(second).contains(" lost"));
                kafka.restore();
                await(() -> text(second).contains(" is back"));
                send(kafka, 5, 6);
                await(() -> watch.view().received() >= 4);
            }

            assertEquals(titles(0, 1, 2), shownTitles(first), text(first));
            assertEquals(titles(3, 4, 5, 6), shownTitles(second), "resumed after the restart and after the outage, "
                    + "nothing twice, nothing skipped:\n" + text(second));
            List<String> notes = text(second).lines().filter(l -> l.contains("broker ")).toList();
            assertEquals(2, notes.size(), text(second));
            assertTrue(notes.get(0).contains(" lost") && notes.get(1).contains(" is back"), text(second));
        }
    }

    @Test
    void aBrokerUnreachableAtTheStartIsSaid_andWhenItAnswers() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().outageSwitch().start()) {
            kafka.createTopics(List.of(TOPIC), 1);
            send(kafka, 0);
            kafka.cutOff();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (AlertWatch watch = start(kafka, out)) {
                await(() -> text(out).contains(" unreachable"));
                assertEquals(0, watch.view().received());
                kafka.restore();
                await(() -> watch.view().received() >= 1);
            }
            List<String> notes = text(out).lines().filter(l -> l.contains("broker ")).toList();
            assertEquals(List.of("── broker " + kafka.bootstrapServers() + " unreachable: nothing answers there;"
                    + " waiting for it (check --bootstrap-servers and the network) ──",
                    "── broker " + kafka.bootstrapServers() + " answers now: alerts follow ──"), notes, text(out));
            assertEquals(titles(0), shownTitles(out));
        }
    }

    private static AlertWatch start(EmbeddedKafka kafka, ByteArrayOutputStream bytes) {
        return AlertWatch.start(new AlertWatch.Settings(kafka.bootstrapServers(), TOPIC, Set.of(), true, false, 100,
                "operations-center", Map.of()), Fixtures.reference(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    private static List<String> titles(int... alerts) {
        return IntStream.of(alerts).mapToObj(i -> WatchAlerts.alert(i).title()).sorted().toList();
    }

    /** Alert lines start with the local date (MM-dd) and end with the title; partitions interleave, so sorted. */
    private static List<String> shownTitles(ByteArrayOutputStream bytes) {
        return text(bytes).lines().filter(l -> l.matches("^\\d\\d-\\d\\d \\d\\d:\\d\\d .*"))
                .map(l -> l.substring(l.lastIndexOf("  ") + 2)).sorted().toList();
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void send(EmbeddedKafka kafka, int... alerts) {
        AlertRecordSerializer serializer = new AlertRecordSerializer(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        serializer.open(null, null);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "watch-resume-test-" + System.nanoTime()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i : alerts) {
                producer.send(serializer.serialize(new RoutedAlert(TOPIC, WatchAlerts.alert(i)), null, null));
            }
            producer.commitTransaction();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
