package org.gridwarden.connectors.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.risk.GridRisk;

/**
 * A grid's risk index on the compacted risk topic, keyed by grid so the topic keeps each grid's latest. Its
 * Kafka timestamp is its event time, so a reader can seek the map to any moment.
 */
public final class RiskRecordSerializer implements KafkaRecordSerializationSchema<GridRisk> {

    private final String topic;
    private transient AlertCodec codec;

    public RiskRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = new AlertCodec();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(GridRisk risk, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, risk.at().toEpochMilli(),
                risk.gridId().getBytes(StandardCharsets.UTF_8), codec.toJson(risk).getBytes(StandardCharsets.UTF_8));
    }
}
