package org.gridwarden.connectors.kafka.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.flink.metrics.Gauge;

/**
 * The Kafka split enumerator plus two things. Every probe interval it asks the broker for each input
 * partition's first and end offset (read_committed) and tells every reader, so a reader knows when it has
 * read a partition to its end (the end of its committed data, see {@link DataEnds}). This is the one place that decides, for the whole job, whether unread input
 * exists; when the broker cannot be asked, no reader hears anything and no partition counts as at rest.
 * And for recorded data it gathers the readers' {@link SplitClocks} and tells them the {@link EventFrontier}
 * that their partitions at rest follow.
 */
final class EndOffsetsProbe implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {

    private static final long ASK_TIMEOUT_MS = 10_000;

    private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka;
    private final SplitEnumeratorContext<KafkaPartitionSplit> context;
    private final List<String> topics;
    private final Properties clientProperties;
    private final QuietPartitions quiet;
    private Admin admin;
    private DataEnds dataEnds;
    private volatile PartitionEnds latest;
    /** Per reader, its splits' latest readings; only touched in the coordinator thread. */
    private final Map<Integer, Map<String, SplitClocks.Reading>> clocks = new HashMap<>();
    private EventFrontier frontier;

    EndOffsetsProbe(SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka,
            SplitEnumeratorContext<KafkaPartitionSplit> context, List<String> topics, Properties clientProperties,
            QuietPartitions quiet) {
        this.kafka = kafka;
        this.context = context;
        this.topics = topics;
        this.clientProperties = clientProperties;
        this.quiet = quiet;
    }

    @Override
    public void start() {
        kafka.start();
        // how old the newest answer is: growing means the broker cannot be asked and event time waits
        context.metricGroup().gauge("inputEndOffsetsAgeMillis", (Gauge<Long>) () ->
                latest == null ? -1 : System.currentTimeMillis() - latest.probedAt());
        long interval = quiet.probeInterval().toMillis();
        context.callAsync(this::probe, this::publish, 0, interval);
    }

    private PartitionEnds probe() throws Exception {
        if (admin == null) {
            Properties props = new Properties();
            props.putAll(clientProperties);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT_MS);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT_MS);
            admin = Admin.create(props);
            dataEnds = new DataEnds(clientProperties);
        }
        // the ends are true at least as of this moment, whenever the answer comes
        long probedAt = System.currentTimeMillis();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = described.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> beginnings = offsets(partitions, OffsetSpec.earliest());
        Map<String, PartitionEnds.Range> ranges = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long beginning = beginnings.get(tp).offset();
            ranges.put(KafkaPartitionSplit.toSplitId(tp),
                    new PartitionEnds.Range(beginning, dataEnds.of(tp, beginning, ends.get(tp).offset())));
        }
        return new PartitionEnds(ranges, probedAt);
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> spec));
        return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private void publish(PartitionEnds ends, Throwable error) {
        if (error != null) {
            return; // no answer: the readers' last ends grow stale and no partition stays at rest
        }
        latest = ends;
        context.registeredReaders().keySet().forEach(reader -> context.sendEventToSourceReader(reader, ends));
    }

    @Override
    public void addReader(int subtaskId) {
        kafka.addReader(subtaskId);
        // a restarted reader tells its splits afresh; what it told before no longer holds
        forget(subtaskId);
        if (latest != null) {
            context.sendEventToSourceReader(subtaskId, latest);
        }
        if (frontier != null) {
            context.sendEventToSourceReader(subtaskId, frontier);
        }
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof SplitClocks told) {
            clocks.put(subtaskId, told.splits());
            publishFrontier();
        } else {
            kafka.handleSourceEvent(subtaskId, event);
        }
    }

    private void forget(int subtaskId) {
        if (clocks.remove(subtaskId) != null) {
            publishFrontier();
        }
    }

    private void publishFrontier() {
        EventFrontier now = EventFrontier.over(clocks.values().stream().flatMap(m -> m.values().stream()).toList());
        if (!now.equals(frontier)) {
            frontier = now;
            context.registeredReaders().keySet().forEach(reader -> context.sendEventToSourceReader(reader, now));
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        kafka.handleSplitRequest(subtaskId, requesterHostname);
    }

    @Override
    public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
        kafka.addSplitsBack(splits, subtaskId);
        forget(subtaskId);
    }

    @Override
    public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
        return kafka.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        kafka.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            kafka.close();
        } finally {
            if (admin != null) {
                admin.close(java.time.Duration.ZERO);
                dataEnds.close();
            }
        }
    }
}
