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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridwarden.app.watch.AlertView;
import org.gridwarden.app.watch.AlertWatch;
import org.gridwarden.connectors.kafka.AlertRecordSerializer;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.routing.RoutedAlert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The watch against a real broker in this JVM: alert records written as the live job's exactly-once sink writes
 * them (serializer, transactions, one aborted), read back read_committed and rendered on a PrintStream.
 */
class AlertWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ReferenceData REFERENCE = Fixtures.reference();

    /** Committed, in this order; alert 2 is written in a transaction that is aborted. */
    private static final int[] COMMITTED = {0, 1, 3, 4};
    private static final int ABORTED = 2;
    private static final int LAST = 7;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void produce() {
        kafka = EmbeddedKafka.start();
        Set<String> topics = new LinkedHashSet<>(List.of("alerts.all"));
        for (int i : new int[] {0, 1, 2, 3, 4, LAST}) {
            topics.add(topicOf(WatchAlerts.alert(i)));
        }
        kafka.createTopics(topics, 1);
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            send(producer, COMMITTED);
            producer.commitTransaction();
            send(producer, ABORTED);
            producer.abortTransaction();
            send(producer, LAST);
            producer.commitTransaction();
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void everyCommittedAlertOfAlertsAll_inOrder_withCountsPerDepartment() throws Exception {
        List<String> lines = watch("alerts.all", Set.of(), true, 3, view -> view.received() >= 5);
        List<String> titles = new ArrayList<>();
        for (int i : new int[] {0, 1, 3, 4, LAST}) {
            titles.add(WatchAlerts.alert(i).title());
        }
        assertEquals(titles, alertLines(lines).stream().map(l -> l.substring(l.lastIndexOf("  ") + 2)).toList());
        assertEquals("11-16 13:05  WARNING    K-003           区市场监督管理局  东湖街道 湖滨社区第1网格    派单签收超时：食品安全问题",
                alertLines(lines).get(0));
        assertTrue(lines.contains("── 3 alerts │ 区市场监督管理局 1 · 西城街道办事处 1 · 东湖街道办事处 1 ──"), dump(lines));
        assertEquals("── 5 alerts │ 西城街道办事处 2 · 区市场监督管理局 1 · 东湖街道办事处 1 · 区应急管理局 1 ──",
                lines.get(lines.size() - 1), "final counts on close");
    }

    @Test
    void oneDepartment_readsItsOwnTopic() throws Exception {
        String topic = REFERENCE.department("street-xicheng").orElseThrow().topic();
        List<String> lines = watch(topic, Set.of(), true, 20, view -> view.received() >= 2);
        List<String> shown = alertLines(lines);
        assertEquals(2, shown.size(), dump(lines));
        assertTrue(shown.stream().allMatch(l -> l.contains("西城街道办事处")), dump(lines));
        assertTrue(lines.get(0).contains("alerts.street-xicheng"), lines.get(0));
    }

    @Test
    void onlyTheChosenLevels() throws Exception {
        List<String> lines = watch("alerts.all", Set.of(AlertLevel.ALERT, AlertLevel.OVERDUE), true, 20,
                view -> view.received() >= 5);
        List<String> shown = alertLines(lines);
        assertEquals(3, shown.size(), dump(lines));
        assertTrue(shown.stream().noneMatch(l -> l.contains("WARNING")), dump(lines));
        assertEquals("── 3 alerts (of 5 received) │ 东湖街道办事处 1 · 区应急管理局 1 · 西城街道办事处 1 ──",
                lines.get(lines.size() - 1));
    }

    @Test
    void withoutFromBeginning_onlyAlertsArrivingAfterTheStart() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (AlertWatch watch = AlertWatch.start(
                new AlertWatch.Settings(kafka.bootstrapServers(), "alerts.all", Set.of(), false, false, 20),
                REFERENCE, out)) {
            assertTrue(watch.awaitPositioned(WAIT), "no partitions assigned");
            try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
                producer.initTransactions();
                send(producer, 5);
                producer.commitTransaction();
            }
            await(() -> watch.view().received() >= 1);
        }
        List<String> shown = alertLines(bytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).endsWith(WatchAlerts.alert(5).title()), shown.get(0));
    }

    private interface Done {
        boolean test(AlertView view);
    }

    private static List<String> watch(String topic, Set<AlertLevel> levels, boolean fromBeginning, int countsEvery,
            Done done) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (AlertWatch watch = AlertWatch.start(new AlertWatch.Settings(kafka.bootstrapServers(), topic, levels,
                fromBeginning, false, countsEvery), REFERENCE, out)) {
            await(() -> done.test(watch.view()));
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Alert lines start with the local date, MM-dd. */
    private static List<String> alertLines(List<String> lines) {
        return lines.stream().filter(l -> l.matches("^\\d\\d-\\d\\d \\d\\d:\\d\\d .*")).toList();
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

    private static String dump(List<String> lines) {
        return String.join("\n", lines);
    }

    private static String topicOf(Alert alert) {
        return REFERENCE.department(alert.department()).orElseThrow().topic();
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "watch-test-" + System.nanoTime()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** As the live job's sink: each alert to its department's topic and to alerts.all, in one transaction. */
    private static void send(KafkaProducer<byte[], byte[]> producer, int... alerts) {
        AlertRecordSerializer serializer = new AlertRecordSerializer(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        serializer.open(null, null);
        producer.beginTransaction();
        for (int i : alerts) {
            Alert alert = WatchAlerts.alert(i);
            producer.send(serializer.serialize(new RoutedAlert(topicOf(alert), alert), null, null));
            producer.send(serializer.serialize(new RoutedAlert("alerts.all", alert), null, null));
        }
        producer.flush(); // on the broker before commit or abort: an aborted alert must really be in the log
    }
}
