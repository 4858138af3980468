package org.gridwarden.testkit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static final String TOPIC = "embedded-kafka-test";

    @Test
    void transactionalRecordsAreVisibleToReadCommittedConsumersOnlyWhenCommitted() throws Exception {
        long startedAt = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.out.printf("EmbeddedKafka started in %d ms at %s%n",
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), kafka.bootstrapServers());
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());

            kafka.createTopics(List.of(TOPIC), 2);
            kafka.createTopics(List.of(TOPIC), 2); // already there: accepted as is
            assertEquals(2, describe(kafka, TOPIC).partitions().size());
            assertThrows(IllegalStateException.class, () -> kafka.createTopics(List.of(TOPIC), 3));

            // The broker's maximum (one hour, above the 15 minutes the exactly-once sink asks for) must be
            // accepted; a default broker (15 minute maximum) would fail initTransactions() here.
            Map<String, Object> producerConfig = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test-" + UUID.randomUUID(),
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) EmbeddedKafka.MAX_TRANSACTION_TIMEOUT.toMillis(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
            try (KafkaProducer<String, String> producer =
                         new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, 0, "k1", "committed-1"));
                producer.send(new ProducerRecord<>(TOPIC, 1, "k2", "committed-2"));
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, 0, "k3", "aborted-3"));
                producer.flush(); // the aborted record really reaches the log
                producer.abortTransaction();
            }

            assertEquals(List.of("committed-1", "committed-2"), readAll(kafka, "read_committed"));
            // Control: the aborted record is in the log, so read_committed really filtered it out.
            assertEquals(List.of("aborted-3", "committed-1", "committed-2"), readAll(kafka, "read_uncommitted"));
        }
    }

    @Test
    void rejectsOverridesOfTheListenerSetUp() {
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedKafka.start(Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")));
    }

    private static TopicDescription describe(EmbeddedKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        }
    }

    /**
     * Reads the topic from the beginning, as a consumer-group member, until its position reaches the end
     * offset visible at this isolation level on every partition; returns the values sorted.
     */
    private static List<String> readAll(EmbeddedKafka kafka, String isolationLevel) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-test-" + isolationLevel,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!caughtUp(consumer)) {
                assertTrue(System.nanoTime() < deadline, "did not reach the end of " + TOPIC + " in time");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    values.add(record.value());
                }
            }
            assertEquals(2, consumer.assignment().size());
        }
        values.sort(null);
        return values;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment); // the LSO under read_committed
        return assignment.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }
}
