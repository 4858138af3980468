package org.gridwarden.testkit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaOutageTest {

    private static final String TOPIC = "outage-test";

    @Test
    void cutOffTakesTheBrokerAwayFromItsClientsAndRestoreGivesItBackWithNothingLost() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().outageSwitch().start();
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "outage-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            kafka.createTopics(List.of(TOPIC), 1);
            consumer.subscribe(List.of(TOPIC));
            producer.send(new ProducerRecord<>(TOPIC, "before")).get(60, TimeUnit.SECONDS);
            assertEquals(List.of("before"), poll(consumer, 1));
            // the group's position, committed now: a consumer that rejoins after the outage starts from it,
            // and an auto-commit due later would otherwise fall into the outage and read "before" again
            consumer.commitSync();

            kafka.cutOff();
            int port = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThrows(SocketException.class, () -> probe.getInputStream().read(),
                        "a new connection is reset during the outage");
            }
            Future<RecordMetadata> during = producer.send(new ProducerRecord<>(TOPIC, "during"));
            assertEquals(List.of(), pollFor(consumer, Duration.ofSeconds(3)), "nothing reaches a client during the outage");
            assertFalse(acknowledged(during), "a record sent during the outage is not acknowledged");

            kafka.restore();
            if (during.isDone()) {
                // the producer gave up on it during the outage (its own retry policy, not the switch's doing)
                during = producer.send(new ProducerRecord<>(TOPIC, "during"));
            }
            during.get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(TOPIC, "after")).get(60, TimeUnit.SECONDS);
            assertEquals(List.of("during", "after"), poll(consumer, 2), "after the outage: each record once, none lost");
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"));
        }
    }

    @Test
    void aBrokerWithoutTheSwitchCannotBeCutOff() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            assertThrows(IllegalStateException.class, kafka::cutOff);
        }
    }

    private static boolean acknowledged(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return true;
        } catch (Exception failed) {
            return false;
        }
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private static List<String> pollFor(KafkaConsumer<String, String> consumer, Duration span) {
        List<String> values = new ArrayList<>();
        long end = System.nanoTime() + span.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
