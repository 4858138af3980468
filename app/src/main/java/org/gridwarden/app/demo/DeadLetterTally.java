package org.gridwarden.app.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.DeadLetter;

/**
 * Counts the demo's dead letters by reason as they reach the dead-letter topic, so its summary says what was
 * refused and why: a record dead-lettered LATE is an alert that may be missing.
 */
final class DeadLetterTally implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Integer> byReason = new ConcurrentHashMap<>();
    private final Map<String, String> example = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    DeadLetterTally(Properties client, String topic) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition()))
                .toList());
        AlertCodec codec = new AlertCodec();
        thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        DeadLetter d = codec.decodeDeadLetter(new String(r.value(), StandardCharsets.UTF_8));
                        byReason.merge(d.reason(), 1, Integer::sum);
                        example.putIfAbsent(d.reason(), d.stream() + " " + d.detail());
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "demo-dead-letters");
        thread.setDaemon(true);
        thread.start();
    }

    /** E.g. "5 (INVALID 3, LATE 2)", or "none". */
    String describe() {
        Map<String, Integer> sorted = new TreeMap<>(byReason);
        int total = sorted.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? "none" : total + " (" + sorted.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** One example per reason, for the summary when a record was refused as late. */
    List<String> examples() {
        return new TreeMap<>(example).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
