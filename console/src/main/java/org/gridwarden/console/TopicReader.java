package org.gridwarden.console;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic on a thread of its own, every partition, from a point in time or the beginning, committed
 * records only (the live job writes exactly-once), without a consumer group: the console keeps no position,
 * it rebuilds its view at every start. Waits for a topic that does not exist yet.
 */
final class TopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param fromMillis the Kafka timestamp to start at, or 0 for the beginning */
    TopicReader(Properties client, String topic, long fromMillis, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gridwarden-console-" + topic);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> run(topic, fromMillis, each), "console-reader-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String topic, long fromMillis, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try {
            while (running && !assign(topic, fromMillis)) {
                Thread.sleep(1_000); // the live job creates the topic when it first writes; the broker may be away
            }
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        each.accept(r);
                    } catch (RuntimeException e) {
                        LOG.warn("skipped a record of {} at partition {} offset {}: {}", topic, r.partition(),
                                r.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition and seeks to the start; false when the topic or the broker is not there yet. */
    private boolean assign(String topic, long fromMillis) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return false;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            if (fromMillis <= 0) {
                consumer.seekToBeginning(assigned);
                return true;
            }
            Map<TopicPartition, Long> at = new HashMap<>();
            assigned.forEach(tp -> at.put(tp, fromMillis));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(at, Duration.ofSeconds(5));
            for (TopicPartition tp : assigned) {
                OffsetAndTimestamp o = offsets.get(tp);
                if (o == null) {
                    consumer.seekToEnd(List.of(tp));
                } else {
                    consumer.seek(tp, o.offset());
                }
            }
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
