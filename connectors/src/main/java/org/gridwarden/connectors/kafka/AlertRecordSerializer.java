package org.gridwarden.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.routing.RoutedAlert;

/**
 * An alert as a Kafka record on its destination topic: keyed by its subject (case, grid, building) so that
 * one subject stays ordered, with rule, level, department and rule-set version as headers so consumers can
 * filter without parsing. The emit time is stamped here, at the edge of the job, and is the record's Kafka
 * timestamp: the event time stays in the alert, since a broker refuses timestamps far from its own clock.
 */
public final class AlertRecordSerializer implements KafkaRecordSerializationSchema<RoutedAlert> {

    /**
     * The most an output record's value may take: a producer's default max.request.size and a topic's default
     * max.message.bytes are both about 1 MiB, and key, headers and batch framing need some of it. A record the
     * broker refuses would fail the job; a longer alert or dead letter is shortened, with a visible marker.
     */
    static final int MAX_VALUE_BYTES = 900 * 1024;

    private final Clock clock;
    private transient AlertCodec codec;

    public AlertRecordSerializer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = new AlertCodec();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(RoutedAlert routed, KafkaSinkContext context, Long timestamp) {
        Alert alert = routed.alert().withEmittedAt(clock.instant());
        RecordHeaders headers = new RecordHeaders();
        headers.add("rule", utf8(alert.ruleId()));
        headers.add("level", utf8(alert.level().name()));
        headers.add("department", utf8(alert.department()));
        headers.add("ruleSetVersion", utf8(alert.ruleSetVersion()));
        return new ProducerRecord<>(routed.destination(), null, alert.emittedAt().toEpochMilli(),
                utf8(alert.subjectKey()), codec.encode(alert, MAX_VALUE_BYTES), headers);
    }

    private static byte[] utf8(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
