package org.gridwarden.connectors.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;

/**
 * Kafka record to input record or dead letter, remembering topic, partition, offset and arrival. Never throws;
 * the bytes go to the decoder as received, so that bytes that are not UTF-8 are kept, never replaced.
 */
public final class IngestDeserializer implements KafkaRecordDeserializationSchema<Ingested> {

    private final String stream;
    private final IngestDecoder decoder;

    public IngestDeserializer(String stream, IngestDecoder decoder) {
        this.stream = stream;
        this.decoder = decoder;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Ingested> out) {
        byte[] bytes = record.value() == null ? new byte[0] : record.value();
        out.collect(decoder.decode(stream, Origin.kafka(stream, record.topic(), record.partition(), record.offset(),
                arrival(record), null), bytes));
    }

    /** The record's timestamp; a record without one (an old client's) arrives now. */
    private static long arrival(ConsumerRecord<byte[], byte[]> record) {
        return record.timestamp() >= 0 ? record.timestamp() : System.currentTimeMillis();
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return TypeInformation.of(Ingested.class);
    }
}
