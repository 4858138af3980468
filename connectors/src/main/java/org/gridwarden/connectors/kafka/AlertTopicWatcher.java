package org.gridwarden.connectors.kafka;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;

/**
 * Reads alerts from alert topics as a department would: {@code read_committed}, so alerts of aborted
 * exactly-once transactions are never seen. Runs on its own thread until closed.
 */
public final class AlertTopicWatcher implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;

    /**
     * Reads every alert from the beginning of the topics.
     *
     * @param onAlert called with the topic and the alert, on the watcher's thread
     */
    public AlertTopicWatcher(String bootstrapServers, Collection<String> topics, BiConsumer<String, Alert> onAlert) {
        this(bootstrapServers, topics, true, onAlert);
    }

    /**
     * @param fromBeginning every alert still on the topics, or only those arriving after the watcher has its
     *     partitions (see {@link #awaitPositioned(Duration)})
     * @param onAlert called with the topic and the alert, on the watcher's thread
     */
    public AlertTopicWatcher(String bootstrapServers, Collection<String> topics, boolean fromBeginning,
            BiConsumer<String, Alert> onAlert) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "gridwarden-watch-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // resolve the starting offsets now, so that "positioned" means no later alert can be skipped
                partitions.forEach(consumer::position);
                positioned.countDown();
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
        AlertCodec codec = new AlertCodec();
        thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            onAlert.accept(r.topic(), codec.decodeAlert(r.value()));
                        } catch (UncheckedIOException e) {
                            // a foreign record on an alert topic must not stop the operations center's view
                            System.err.printf("skipped a record that is not an alert: %s-%d@%d%n", r.topic(),
                                    r.partition(), r.offset());
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "alert-topic-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the watcher has its partitions and knows where it starts reading; false on timeout. */
    public boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
