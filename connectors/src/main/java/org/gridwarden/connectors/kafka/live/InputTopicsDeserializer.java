package org.gridwarden.connectors.kafka.live;

import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridwarden.rules.model.Ingested;

/** Decodes a record of either input topic as the stream that topic carries. */
public final class InputTopicsDeserializer implements KafkaRecordDeserializationSchema<Ingested> {

    private final Map<String, KafkaRecordDeserializationSchema<Ingested>> byTopic;

    public InputTopicsDeserializer(Map<String, KafkaRecordDeserializationSchema<Ingested>> byTopic) {
        this.byTopic = Map.copyOf(byTopic);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        for (KafkaRecordDeserializationSchema<Ingested> d : byTopic.values()) {
            d.open(context);
        }
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Ingested> out) throws java.io.IOException {
        byTopic.get(record.topic()).deserialize(record, out);
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return TypeInformation.of(Ingested.class);
    }
}
