package org.gridwarden.connectors.kafka.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.InputStatus;
import org.gridwarden.rules.model.Ingested;

/**
 * The Kafka reader with one {@link PartitionClock} per partition: it emits each split's watermark itself
 * (the source's watermark generator does nothing), from the records the split has read and the end offsets
 * the {@link EndOffsetsProbe} broadcasts. Every assigned split holds the watermark back from the moment it is
 * assigned, including one that has not delivered a record yet. A split of recorded data at rest follows the
 * reader's other splits, or, when they all are at rest, the {@link EventFrontier} of the whole job, which the
 * probe works out from what every reader tells it; no split is ever marked idle.
 */
final class EventClockReader implements SourceReader<Ingested, KafkaPartitionSplit> {

    private final SourceReader<Ingested, KafkaPartitionSplit> kafka;
    private final SourceReaderContext context;
    private final long latenessMillis;
    private final QuietPartitions quiet;
    private final Map<String, PartitionClock> clocks = new HashMap<>();
    private final Map<String, SourceOutput<Ingested>> splitOutputs = new HashMap<>();
    private PartitionEnds ends;
    private long jobFrontier = Long.MIN_VALUE;
    private Map<String, SplitClocks.Reading> told = Map.of();
    private ReaderOutput<Ingested> output;
    private ClockedOutput clocked;
    private ScheduledExecutorService ticker;
    private volatile CompletableFuture<Void> tick = new CompletableFuture<>();
    private long lastTick;

    EventClockReader(SourceReader<Ingested, KafkaPartitionSplit> kafka, SourceReaderContext context,
            long latenessMillis, QuietPartitions quiet) {
        this.kafka = kafka;
        this.context = context;
        this.latenessMillis = latenessMillis;
        this.quiet = quiet;
    }

    @Override
    public void start() {
        kafka.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partition-clock-ticker");
            t.setDaemon(true);
            return t;
        });
        // wakes a reader without records so a quiet partition's clock still moves
        long ms = QuietPartitions.TICK.toMillis();
        ticker.scheduleAtFixedRate(() -> tick.complete(null), ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Ingested> readerOutput) throws Exception {
        if (readerOutput != output) {
            output = readerOutput;
            clocked = new ClockedOutput(readerOutput);
            splitOutputs.clear();
        }
        clocks.keySet().forEach(clocked::createOutputForSplit);
        InputStatus status = kafka.pollNext(clocked);
        long now = System.currentTimeMillis();
        if (now - lastTick >= QuietPartitions.TICK.toMillis()) {
            lastTick = now;
            // partitions at rest follow this reader's partitions still being read, at once, as idleness would;
            // when all of them are at rest, the job's frontier
            long follow = EventFrontier.oldestBusy(readings(now).values(), jobFrontier);
            clocks.forEach((split, clock) -> clock.advance(splitOutputs.get(split), now, follow));
            tellProbe(now);
        }
        if (tick.isDone()) {
            tick = new CompletableFuture<>();
        }
        return status;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return CompletableFuture.anyOf(kafka.isAvailable(), tick).thenApply(x -> null);
    }

    @Override
    public void addSplits(List<KafkaPartitionSplit> splits) {
        long now = System.currentTimeMillis();
        for (KafkaPartitionSplit split : splits) {
            PartitionClock clock = new PartitionClock(latenessMillis, quiet, split.getStartingOffset(), now);
            clocks.put(split.splitId(), clock);
            applyEnds(split.splitId(), clock);
        }
        kafka.addSplits(splits);
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof PartitionEnds probed) {
            ends = probed;
            clocks.forEach(this::applyEnds);
        } else if (event instanceof EventFrontier f) {
            jobFrontier = f.watermark();
        } else {
            kafka.handleSourceEvents(event);
        }
    }

    /** Recorded data only (live data at rest follows the wall clock); only what changed since last told. */
    private void tellProbe(long now) {
        if (quiet.followsWallClock()) {
            return;
        }
        Map<String, SplitClocks.Reading> readings = readings(now);
        if (!readings.equals(told)) {
            told = readings;
            context.sendSourceEventToCoordinator(new SplitClocks(Map.copyOf(readings)));
        }
    }

    private Map<String, SplitClocks.Reading> readings(long now) {
        Map<String, SplitClocks.Reading> readings = new HashMap<>();
        clocks.forEach((split, clock) -> readings.put(split, clock.reading(now)));
        return readings;
    }

    private void applyEnds(String split, PartitionClock clock) {
        PartitionEnds.Range range = ends == null ? null : ends.ranges().get(split);
        if (range != null) {
            clock.onProbe(range, ends.probedAt());
        }
    }

    @Override
    public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
        return kafka.snapshotState(checkpointId);
    }

    @Override
    public void notifyNoMoreSplits() {
        kafka.notifyNoMoreSplits();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        kafka.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> pause, Collection<String> resume) {
        kafka.pauseOrResumeSplits(pause, resume);
    }

    @Override
    public void close() throws Exception {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        kafka.close();
    }

    /** Hands the Kafka reader split outputs that feed each record's times to its partition's clock. */
    private final class ClockedOutput implements ReaderOutput<Ingested> {

        private final ReaderOutput<Ingested> main;

        ClockedOutput(ReaderOutput<Ingested> main) {
            this.main = main;
        }

        @Override
        public SourceOutput<Ingested> createOutputForSplit(String splitId) {
            return splitOutputs.computeIfAbsent(splitId, id -> new ClockedSplitOutput(main.createOutputForSplit(id),
                    clocks.get(id)));
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            splitOutputs.remove(splitId);
            clocks.remove(splitId);
            main.releaseOutputForSplit(splitId);
        }

        @Override
        public void collect(Ingested record) {
            main.collect(record);
        }

        @Override
        public void collect(Ingested record, long timestamp) {
            main.collect(record, timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            main.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            main.markIdle();
        }

        @Override
        public void markActive() {
            main.markActive();
        }
    }

    private record ClockedSplitOutput(SourceOutput<Ingested> split, PartitionClock clock)
            implements SourceOutput<Ingested> {

        @Override
        public void collect(Ingested record) {
            collect(record, Long.MIN_VALUE);
        }

        /** {@code kafkaTimestamp}: when the record reached the broker (or its producer says it was made). */
        @Override
        public void collect(Ingested record, long kafkaTimestamp) {
            long now = System.currentTimeMillis();
            long arrival = kafkaTimestamp == Long.MIN_VALUE ? now : Math.min(kafkaTimestamp, now);
            clock.onRecord(offsetOf(record), record.eventTimeMillis(), arrival, now);
            split.collect(record, kafkaTimestamp);
        }

        private static long offsetOf(Ingested record) {
            Long offset = record.origin() != null ? record.origin().offset() : record.deadLetter().offset();
            return offset == null ? -1 : offset;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            split.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            split.markIdle();
        }

        @Override
        public void markActive() {
            split.markActive();
        }
    }
}
