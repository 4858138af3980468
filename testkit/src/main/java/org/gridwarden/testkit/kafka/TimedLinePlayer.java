package org.gridwarden.testkit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridwarden.connectors.codec.Json;
import org.gridwarden.connectors.kafka.KafkaSettings;

/**
 * Plays recorded input lines into Kafka on an accelerated clock, as the grid app and the ledger would have
 * sent them: lines go out in event-time order, unchanged (malformed lines and duplicates included), keyed by
 * case or grid so that one subject stays on one partition. Each record's Kafka timestamp is its simulated send
 * time, so that recorded data arrives when it was sent and no recorded time lies ahead of its arrival.
 */
public final class TimedLinePlayer {

    /**
     * A line to send to a topic; its event time and key are read from the line when it parses.
     *
     * @param sentAt when the line was sent, if not when its topic reached its event time (a wrong clock's line)
     */
    public record Line(String topic, String text, Instant eventTime, String key, int order, Instant sentAt) {

        public Line sentAt(Instant time) {
            return new Line(topic, text, eventTime, key, order, time);
        }
    }

    private static final ObjectMapper MAPPER = Json.newMapper();

    private TimedLinePlayer() {}

    public static Line line(String topic, String text, int order) {
        Instant time = null;
        String key = null;
        try {
            JsonNode n = MAPPER.readTree(text);
            String t = n.path("observedAt").asText(n.path("at").asText(null));
            time = t == null ? null : OffsetDateTime.parse(t).toInstant();
            key = n.path("caseId").asText(n.path("gridId").asText(null));
        } catch (Exception e) {
            // malformed lines go out as they are, right after the line before them
        }
        return new Line(topic, text, time, key, order, null);
    }

    /**
     * Sends the lines, waiting between them {@code 1/speed} of the event time that separates them.
     *
     * @param progress told of each line as it is sent
     */
    public static void play(String bootstrapServers, List<Line> lines, double speed, Consumer<Line> progress)
            throws InterruptedException {
        play(KafkaSettings.defaults(bootstrapServers), lines, speed, progress);
    }

    /** As {@link #play(String, List, double, Consumer)}, with the client settings of {@code kafka}. */
    public static void play(KafkaSettings kafka, List<Line> lines, double speed, Consumer<Line> progress)
            throws InterruptedException {
        Properties p = kafka.clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            Instant clock = null;
            for (Scheduled s : inPlayOrder(lines)) {
                if (clock != null && s.at().isAfter(clock)) {
                    producer.flush();
                    Thread.sleep((long) (Duration.between(clock, s.at()).toMillis() / speed));
                }
                if (s.at() != Instant.MIN) {
                    clock = s.at();
                }
                Line line = s.line();
                byte[] key = line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(line.topic(), null, s.sentAt(), key,
                        line.text().getBytes(StandardCharsets.UTF_8)));
                progress.accept(line);
            }
            producer.flush();
        }
    }

    /** A line and its simulated send time; lines before any readable time are sent at the wall clock's time. */
    private record Scheduled(Line line, Instant at) {
        Long sentAt() {
            return at == Instant.MIN ? null : at.toEpochMilli();
        }
    }

    /**
     * Lines of each topic keep their recorded order (that is how out-of-order data arrives): a line is sent at
     * the newest event time its topic has reached, and the topics are merged on that time.
     */
    private static List<Scheduled> inPlayOrder(List<Line> lines) {
        Map<String, Instant> reached = new HashMap<>();
        List<Scheduled> scheduled = new ArrayList<>();
        for (Line l : lines) {
            Instant t = l.eventTime() == null ? Instant.MIN : l.eventTime();
            scheduled.add(new Scheduled(l, l.sentAt() != null ? l.sentAt()
                    : reached.merge(l.topic(), t, (a, b) -> a.isAfter(b) ? a : b)));
        }
        scheduled.sort(Comparator.comparing(Scheduled::at).thenComparingInt(s -> s.line().order()));
        return scheduled;
    }
}
