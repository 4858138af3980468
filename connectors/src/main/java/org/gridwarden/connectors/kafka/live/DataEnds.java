package org.gridwarden.connectors.kafka.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a partition's committed data really ends. A transactional producer leaves a commit marker (and
 * aborted records) after its last record, so the end offset lies beyond anything a reader can receive; a
 * reader that has read every record would never count as at rest. Only an end that has stayed the same
 * since the last probe is looked at (a quiet partition), once, by reading its tail back.
 */
final class DataEnds implements AutoCloseable {

    private static final Duration READ_FOR = Duration.ofSeconds(5);

    private final Properties clientProperties;
    private final Map<TopicPartition, Long> lastEnd = new HashMap<>();
    private final Map<TopicPartition, long[]> known = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;

    DataEnds(Properties clientProperties) {
        this.clientProperties = clientProperties;
    }

    /** The offset after the last committed record; {@code end} itself until the end has held still once. */
    long of(TopicPartition tp, long beginning, long end) {
        Long previous = lastEnd.put(tp, end);
        long[] cached = known.get(tp);
        if (cached != null && cached[0] == end) {
            return cached[1];
        }
        if (previous == null || previous != end || end <= beginning) {
            return end;
        }
        long dataEnd = readBack(tp, beginning, end);
        known.put(tp, new long[] {end, dataEnd});
        return dataEnd;
    }

    private long readBack(TopicPartition tp, long beginning, long end) {
        KafkaConsumer<byte[], byte[]> c = consumer();
        c.assign(List.of(tp));
        for (long window = 16; ; window *= 16) {
            long from = Math.max(beginning, end - window);
            c.seek(tp, from);
            long last = -1;
            long until = System.currentTimeMillis() + READ_FOR.toMillis();
            while (c.position(tp) < end && System.currentTimeMillis() < until) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200)).records(tp)) {
                    if (r.offset() < end) {
                        last = Math.max(last, r.offset());
                    }
                }
            }
            if (c.position(tp) < end) {
                return end; // could not read it all: claim nothing
            }
            if (last >= 0) {
                return last + 1;
            }
            if (from == beginning) {
                return beginning;
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            Properties p = new Properties();
            p.putAll(clientProperties);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
            consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
        }
    }
}
