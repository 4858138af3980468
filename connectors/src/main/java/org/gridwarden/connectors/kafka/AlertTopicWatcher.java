package org.gridwarden.connectors.kafka;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;

/**
 * Reads alerts from alert topics as a department would: {@code read_committed}, so alerts of aborted
 * exactly-once transactions are never seen. Runs on its own thread until closed.
 *
 * <p>With a consumer group it commits what it has handed on, and resumes exactly there after a restart; after a
 * broker outage it goes on from the alert after the last one handed on, even when the group has meanwhile
 * dropped it and the last commit did not reach the broker.
 */
public final class AlertTopicWatcher implements AutoCloseable {

    /** Nothing from the broker for this long: it is lost (a reconnect in passing is not news). */
    private static final Duration SILENCE = Duration.ofSeconds(3);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final boolean commits;
    private final Map<TopicPartition, Long> handedOn = new ConcurrentHashMap<>();
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
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics, null, fromBeginning,
                onAlert, reachable -> {});
    }

    /**
     * @param clientSettings Kafka client settings: {@code bootstrap.servers} and any security settings
     * @param groupId a consumer group whose committed positions it resumes from and keeps up to date, or null
     *     for a throw-away group that commits nothing
     * @param fromBeginning where to start without a committed position: every alert still on the topics, or only
     *     those arriving after the watcher has its partitions (see {@link #awaitPositioned(Duration)})
     * @param onAlert called with the topic and the alert, on the watcher's thread
     * @param onBrokerReachable called with false when the broker has been unreachable for a moment (also when it
     *     never answered since the start), and with true when it answers again, on the watcher's thread
     */
    public AlertTopicWatcher(Map<String, ?> clientSettings, Collection<String> topics, String groupId,
            boolean fromBeginning, BiConsumer<String, Alert> onAlert, Consumer<Boolean> onBrokerReachable) {
        Properties p = new Properties();
        p.putAll(clientSettings);
        commits = groupId != null;
        p.put(ConsumerConfig.GROUP_ID_CONFIG, commits ? groupId : "gridwarden-watch-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                for (TopicPartition partition : partitions) {
                    Long next = handedOn.get(partition);
                    if (next != null) {
                        consumer.seek(partition, next); // ahead of the group's commit if that one was lost
                    } else {
                        // resolve the starting offset now, so that "positioned" means no later alert can be skipped
                        consumer.position(partition);
                    }
                }
                positioned.countDown();
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commit();
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                // no longer a member: a commit would be refused, and the positions handed on are kept anyway
            }
        });
        AlertCodec codec = new AlertCodec();
        BrokerState broker = new BrokerState(onBrokerReachable);
        thread = new Thread(() -> {
            try {
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        try {
                            onAlert.accept(r.topic(), codec.decodeAlert(r.value()));
                        } catch (UncheckedIOException e) {
                            // a foreign record on an alert topic must not stop the operations center's view
                            System.err.printf("skipped a record that is not an alert: %s-%d@%d%n", r.topic(),
                                    r.partition(), r.offset());
                        }
                        handedOn.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    }
                    if (!records.isEmpty()) {
                        commit();
                    }
                    broker.observe(bytesReceived());
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                try {
                    commit();
                } catch (WakeupException closing) {
                    commit(); // the wake-up meant for a poll came first; what was shown must still be committed
                } finally {
                    consumer.close(); // leaves the group at once, so a restarted watch need not wait for it
                }
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

    private void commit() {
        if (!commits || handedOn.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        handedOn.forEach((partition, next) -> {
            if (consumer.assignment().contains(partition)) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        });
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(5));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // broker away or group left: the next commit, or the seek on reassignment, covers these positions
        }
    }

    /** Bytes received from the broker so far: a fetch answers at least every {@code fetch.max.wait.ms} (0.5 s). */
    private double bytesReceived() {
        return consumer.metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals("incoming-byte-total") && m.getKey().group().equals("consumer-metrics"))
                .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue())
                .findFirst().orElse(0);
    }

    /**
     * Whether the broker answers: lost once nothing has come from it for {@link #SILENCE} (a connection that is
     * opened and dropped at once brings nothing), back as soon as something comes again. The start counts as
     * the last time heard, so a broker that never answers is reported too, not waited for in silence.
     */
    private static final class BrokerState {
        private final Consumer<Boolean> onChange;
        private boolean reachable = true;
        private double bytes;
        private long lastHeard = System.nanoTime();

        BrokerState(Consumer<Boolean> onChange) {
            this.onChange = onChange;
        }

        void observe(double bytesReceived) {
            long now = System.nanoTime();
            if (bytesReceived > bytes) {
                bytes = bytesReceived;
                lastHeard = now;
                if (!reachable) {
                    reachable = true;
                    onChange.accept(true);
                }
            } else if (reachable && now - lastHeard >= SILENCE.toNanos()) {
                reachable = false;
                onChange.accept(false);
            }
        }
    }
}
