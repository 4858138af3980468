package org.gridwarden.connectors.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.DeadLetter;

/**
 * A dead letter on the dead-letter topic, with its reason as a header for quick filtering. Its Kafka timestamp
 * is left to the producer: the time it was emitted, never a time read from the bad record.
 */
public final class DeadLetterRecordSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private final String topic;
    private transient AlertCodec codec;

    public DeadLetterRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = new AlertCodec();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("reason", deadLetter.reason().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, null, null, codec.encode(deadLetter,
                AlertRecordSerializer.MAX_VALUE_BYTES), headers);
    }
}
