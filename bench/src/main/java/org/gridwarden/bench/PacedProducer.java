package org.gridwarden.bench;

import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces recorded lines to the input topics at a fixed rate from {@code start} to {@code end} (System.nanoTime),
 * in small batches: every millisecond it sends the lines due by then, so a late wake-up is made up at once and the
 * rate holds on average. When it falls further behind (at most 50 ms of lines are made up), its schedule slips and
 * the achieved rate drops below the target. Remembers when each line was handed to the Kafka producer (when its send
 * returned).
 */
final class PacedProducer implements Runnable {

    private static final long BATCH_NANOS = 1_000_000;
    private static final long MAX_BACKLOG_NANOS = 50_000_000;
    /**
     * A send blocks while this much is waiting for the broker: lines are handed over about when they reach it, and
     * a broker that cannot keep up lowers the achieved rate instead of queueing seconds of lines in the producer.
     */
    private static final int BUFFER_BYTES = 1 << 20;

    private final String bootstrapServers;
    private final RecordedInput input;
    private final String reportsTopic;
    private final String ledgerTopic;
    private final double linesPerNano;
    private final long maxBacklog;
    private final long start;
    private final long end;
    private final long[] producedAt;
    /** Lines produced so far: written after a line's {@link #producedAt}, so a reader of it sees their times. */
    private volatile int produced;

    PacedProducer(String bootstrapServers, RecordedInput input, String reportsTopic, String ledgerTopic,
            int linesPerSecond, long start, long end) {
        this.bootstrapServers = bootstrapServers;
        this.input = input;
        this.reportsTopic = reportsTopic;
        this.ledgerTopic = ledgerTopic;
        this.linesPerNano = linesPerSecond / 1e9;
        this.maxBacklog = Math.max(1, (long) (MAX_BACKLOG_NANOS * linesPerNano));
        this.start = start;
        this.end = end;
        this.producedAt = new long[input.size()];
    }

    @Override
    public void run() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(BUFFER_BYTES));
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            // the first send would otherwise wait for the topics' metadata, and the lines due meanwhile go out in a burst
            producer.partitionsFor(reportsTopic);
            producer.partitionsFor(ledgerTopic);
            LockSupport.parkNanos(start - System.nanoTime());
            int i = 0;
            long scheduleStart = start;
            long now = System.nanoTime();
            while (now < end && i < input.size() && !Thread.currentThread().isInterrupted()) {
                long due = Math.min(input.size(), (long) ((now - scheduleStart) * linesPerNano) + 1);
                if (due - i > maxBacklog) {
                    // behind by more than a moment: the schedule slips, a burst above the rate would distort it
                    scheduleStart += (long) ((due - i - maxBacklog) / linesPerNano);
                    due = i + maxBacklog;
                }
                // a producer far behind (sends blocking on a slow broker) still stops at the end
                while (i < due && now < end) {
                    producer.send(new ProducerRecord<>(input.isReport(i) ? reportsTopic : ledgerTopic, input.key(i),
                            input.value(i)));
                    now = System.nanoTime();
                    producedAt[i] = now;
                    produced = ++i;
                }
                LockSupport.parkNanos(BATCH_NANOS);
                now = System.nanoTime();
            }
        }
    }

    /** Lines produced so far. */
    int produced() {
        return produced;
    }

    /** When line {@code i} (below {@link #produced()}) was handed to the producer, System.nanoTime. */
    long producedAt(int i) {
        return producedAt[i];
    }

    /** Lines produced between two instants (System.nanoTime), start included. */
    int producedBetween(long from, long to) {
        int n = produced;
        return lowerBound(to, n) - lowerBound(from, n);
    }

    private int lowerBound(long t, int n) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (producedAt[mid] < t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
