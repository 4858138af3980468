package org.gridwarden.connectors.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a small keyed topic from its beginning, without a consumer group: the rule-set control and status
 * topics, where every reader wants the whole record and nobody shares the work.
 */
final class CompactedTopicReader implements AutoCloseable {

    private static final Duration METADATA_WAIT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    CompactedTopicReader(KafkaSettings kafka, String topic) {
        Properties p = kafka.clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_WAIT.toMillis());
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        partitions = partitionsOf(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record from the current position up to the end of the topic as it is now. */
    List<ConsumerRecord<String, String>> toEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** The records that arrive within {@code timeout} (none when none does). */
    List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        Instant deadline = Instant.now().plus(METADATA_WAIT);
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            try {
                Thread.sleep(200); // a topic just created takes a moment to reach the metadata
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                consumer.close();
                throw new IllegalStateException("interrupted while looking for topic " + topic, e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
