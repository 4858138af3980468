package org.gridwarden.connectors.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;

/**
 * A replay's alerts on replay topics, {@code alerts.replay.<department>} and {@code alerts.replay.all}, keyed
 * by subject like the live ones: a department can read a re-scored history next to its live topic, and the two
 * never mix. Alert ids are deterministic, so a replay written twice is recognised as the same alerts.
 */
public final class ReplayTopicWriter {

    public static final String PREFIX = "alerts.replay.";
    public static final String ALL = PREFIX + "all";

    private ReplayTopicWriter() {}

    public static String topicOf(String department) {
        return PREFIX + department;
    }

    /**
     * Writes every alert to its department's replay topic and to {@link #ALL}, creating the topics when missing;
     * returns the records written.
     */
    public static int write(String bootstrapServers, List<Alert> alerts) {
        return write(KafkaSettings.defaults(bootstrapServers), alerts);
    }

    /** As {@link #write(String, List)}, with the client settings of {@code kafka}. */
    public static int write(KafkaSettings kafka, List<Alert> alerts) {
        Properties props = kafka.clientConfig();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Set<String> topics = new TreeSet<>(List.of(ALL));
        alerts.forEach(a -> topics.add(topicOf(a.department())));
        Topics.ensure(kafka.clientConfig(), topics.stream()
                .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList());
        AlertCodec codec = new AlertCodec();
        int written = 0;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Alert a : alerts) {
                byte[] value = codec.encode(a);
                producer.send(new ProducerRecord<>(topicOf(a.department()), a.subjectKey(), value));
                producer.send(new ProducerRecord<>(ALL, a.subjectKey(), value));
                written += 2;
            }
            producer.flush();
        }
        return written;
    }
}
