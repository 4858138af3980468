package org.gridwarden.connectors.kafka.live;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.gridwarden.rules.model.Ingested;

/**
 * Both live inputs (grid reports and ledger events) as one Kafka source, so that one watermark covers every
 * partition of both topics: event time is the oldest of them, and a topic read ahead of the other cannot
 * make the other's records late. Each reader keeps a clock per partition ({@link EventClockReader}); the
 * enumerator asks the broker for end offsets ({@link EndOffsetsProbe}).
 */
public final class LiveInputSource
        implements Source<Ingested, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<Ingested> {

    /** Alignment bounds how far one partition's reading runs ahead of the slowest (state, not correctness). */
    static final String ALIGNMENT_GROUP = "live-inputs";

    private final KafkaSource<Ingested> kafka;
    private final List<String> topics;
    private final Properties clientProperties;
    private final long latenessMillis;
    private final QuietPartitions quiet;

    public LiveInputSource(KafkaSource<Ingested> kafka, List<String> topics, Properties clientProperties,
            Duration allowedLateness, QuietPartitions quiet) {
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.clientProperties = clientProperties;
        this.latenessMillis = allowedLateness.toMillis();
        this.quiet = quiet;
    }

    /**
     * Timestamps from the records' event time; watermarks come from the readers' partition clocks, aligned
     * within {@code max(1 h, 2 × lateness)}: a backlog then catches up at up to that much event time per
     * 200 ms update.
     */
    public static WatermarkStrategy<Ingested> watermarks(Duration allowedLateness) {
        Duration twice = allowedLateness.multipliedBy(2);
        Duration drift = twice.compareTo(Duration.ofHours(1)) > 0 ? twice : Duration.ofHours(1);
        return WatermarkStrategy.<Ingested>noWatermarks()
                .withTimestampAssigner((record, kafkaTimestamp) -> record.eventTimeMillis())
                .withWatermarkAlignment(ALIGNMENT_GROUP, drift, QuietPartitions.TICK);
    }

    @Override
    public Boundedness getBoundedness() {
        return kafka.getBoundedness();
    }

    @Override
    public SourceReader<Ingested, KafkaPartitionSplit> createReader(SourceReaderContext context) throws Exception {
        return new EventClockReader(kafka.createReader(context), context, latenessMillis, quiet);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) {
        return new EndOffsetsProbe(kafka.createEnumerator(context), context, topics, clientProperties, quiet);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state) throws Exception {
        return new EndOffsetsProbe(kafka.restoreEnumerator(context, state), context, topics, clientProperties, quiet);
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return kafka.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return kafka.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return kafka.getProducedType();
    }
}
