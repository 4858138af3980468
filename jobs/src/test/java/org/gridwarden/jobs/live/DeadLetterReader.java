package org.gridwarden.jobs.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.DeadLetter;

/** Reads the dead-letter topic of a live run, committed records only, as an operator's consumer would. */
final class DeadLetterReader {

    private DeadLetterReader() {}

    /** The dead letters on the topic once {@code done} holds for them (or {@code max} has passed), and 2 s more. */
    static List<DeadLetter> read(String bootstrapServers, String topic, Predicate<List<DeadLetter>> done, Duration max) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "dead-letter-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("max.partition.fetch.bytes", String.valueOf(4 << 20));
        AlertCodec codec = new AlertCodec();
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(max);
            while (!done.test(out) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(codec.decodeDeadLetter(r.value()));
                }
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(2))) {
                out.add(codec.decodeDeadLetter(r.value())); // any extra would show as a failure
            }
        }
        return out;
    }
}
