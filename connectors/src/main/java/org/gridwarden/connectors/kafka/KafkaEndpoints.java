package org.gridwarden.connectors.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.kafka.live.InputTopicsDeserializer;
import org.gridwarden.connectors.kafka.live.LiveInputSource;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.risk.GridRisk;
import org.gridwarden.rules.routing.RoutedAlert;

/**
 * The live job's Kafka sources and sinks, built from {@link KafkaSettings}. Sources read committed data only
 * and commit offsets on checkpoints; sinks are exactly-once by default with a transaction timeout the broker
 * accepts.
 */
public final class KafkaEndpoints {

    private final KafkaSettings settings;

    public KafkaEndpoints(KafkaSettings settings) {
        this.settings = settings;
    }

    /**
     * Both input topics as one source (实时输入): committed records only, offsets committed on checkpoints, a
     * fresh group starting at the earliest record kept.
     */
    public LiveInputSource liveInputs(IngestDecoder decoder, Duration allowedLateness, QuietPartitions quiet) {
        Map<String, KafkaRecordDeserializationSchema<Ingested>> byTopic = Map.of(
                settings.gridReportsTopic(), new IngestDeserializer(IngestDecoder.GRID_REPORTS, decoder),
                settings.ledgerEventsTopic(), new IngestDeserializer(IngestDecoder.LEDGER_EVENTS, decoder));
        List<String> topics = List.of(settings.gridReportsTopic(), settings.ledgerEventsTopic());
        KafkaSource<Ingested> kafka = KafkaSource.<Ingested>builder()
                .setProperties(settings.clientConfig())
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(topics)
                .setGroupId(settings.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new InputTopicsDeserializer(byTopic))
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("client.id.prefix", settings.groupId() + "-inputs")
                .build();
        return new LiveInputSource(kafka, topics, settings.clientConfig(), allowedLateness, quiet);
    }

    /**
     * A bounded reading of a topic for replay (回放): from the first record at or after {@code from} (else the
     * earliest) to the last before {@code to} (else the latest at start), by the records' Kafka timestamps.
     * Committed records only, and no offsets committed: a replay leaves the live job's group alone.
     */
    public KafkaSource<Ingested> boundedSource(String topic, String stream, IngestDecoder decoder, Instant from,
            Instant to) {
        return KafkaSource.<Ingested>builder()
                .setProperties(settings.clientConfig())
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(topic)
                .setGroupId(settings.groupId() + "-replay")
                .setStartingOffsets(from == null ? OffsetsInitializer.earliest()
                        : OffsetsInitializer.timestamp(from.toEpochMilli()))
                .setBounded(to == null ? OffsetsInitializer.latest() : OffsetsInitializer.timestamp(to.toEpochMilli()))
                .setDeserializer(new IngestDeserializer(stream, decoder))
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "false")
                .setProperty("client.id.prefix", settings.groupId() + "-replay-" + stream)
                .build();
    }

    public KafkaSink<RoutedAlert> alertSink(Clock clock) {
        return sink(new AlertRecordSerializer(clock), "-alerts");
    }

    /** The risk index of each grid, on the compacted risk topic ({@code gridwarden run} creates it). */
    public KafkaSink<GridRisk> riskSink() {
        return sink(new RiskRecordSerializer(settings.riskTopic()), "-risk");
    }

    public KafkaSink<DeadLetter> deadLetterSink() {
        return sink(new DeadLetterRecordSerializer(settings.deadLetterTopic()), "-dlq");
    }

    /** A sink with the job's delivery guarantee, its transactional ids under the prefix and {@code idSuffix}. */
    private <T> KafkaSink<T> sink(KafkaRecordSerializationSchema<T> serializer, String idSuffix) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(settings.clientConfig())
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(settings.delivery())
                .setTransactionalIdPrefix(settings.transactionalIdPrefix() + idSuffix)
                .setProperty("transaction.timeout.ms", Long.toString(settings.transactionTimeout().toMillis()))
                .build();
    }

    public static DeliveryGuarantee parseDelivery(String text) {
        return switch (text) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException("delivery must be exactly-once or at-least-once, not " + text);
        };
    }
}
