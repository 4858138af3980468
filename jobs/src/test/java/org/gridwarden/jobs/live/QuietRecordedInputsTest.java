package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.LiveInputSource;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.jobs.JobEnvironments;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recorded data falls quiet while an operator still holds some of it for its event time (as the admission gate
 * and the rules do): the last minutes of complaints before an evening's silence wait for a watermark that
 * only the next morning's records bring. When input resumes on another partition, the held records must
 * still reach the next operator ahead of its watermark. With quiet partitions marked idle they did not: the
 * holding subtask's output counted as idle downstream, so the next operator took its watermark from the other,
 * empty subtask alone and ran past the held records, which then arrived behind it (how the demo lost its
 * complaint surges at slower speeds).
 *
 * <p>The race is made certain: the subtask holding records lets a change of its input's idleness through only
 * once the next operator's watermark has passed them, or after a few seconds when it cannot.
 */
class QuietRecordedInputsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    /** The watermark of the checking operator, read by the holding operator (one JVM, one test at a time). */
    private static final AtomicLong CHECKER_WATERMARK = new AtomicLong(Long.MIN_VALUE);

    private static final String GRID = "S01C01G01";

    @Test
    void recordsHeldForTheirEventTime_stayAheadOfTheWatermark_whenQuietInputResumes(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        CHECKER_WATERMARK.set(Long.MIN_VALUE);
        RuleSet ruleSet = Fixtures.ruleSet();
        Duration lateness = ruleSet.ingest().allowedLateness().toDuration();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            KafkaSettings settings = KafkaSettings.defaults(kafka.bootstrapServers())
                    .withIds("quiet-recorded", "quiet-recorded-" + UUID.randomUUID());
            ScenarioTopics.createTopics(kafka, settings, Fixtures.reference());

            Configuration conf = JobEnvironments.base(RuntimeExecutionMode.STREAMING, 2);
            conf.set(PipelineOptions.AUTO_GENERATE_UIDS, true); // for the collecting sink
            StreamExecutionEnvironment env = JobEnvironments.create(conf);
            DataStream<Ingested> inputs = env.fromSource(
                    new KafkaEndpoints(settings).liveInputs(new IngestDecoder(Fixtures.reference(), ruleSet.ingest()),
                            lateness, QuietPartitions.recorded(Duration.ofSeconds(1))),
                    LiveInputSource.watermarks(lateness), "Inputs (Kafka)");
            // one key: one subtask holds every record, the other holds none and passes the watermark on at once
            DataStream<String> checked = inputs
                    .keyBy(r -> "all")
                    .transform("Hold until event time", TypeInformation.of(Ingested.class),
                            new ResumesOnlyOnceOvertaken(new HoldUntilEventTime()))
                    .setParallelism(2)
                    .keyBy(r -> "all")
                    .transform("Check against the watermark", Types.STRING, new CheckAgainstWatermark())
                    .setParallelism(1);

            try (CloseableIterator<String> results = checked.collectAsync()) {
                JobClient job = env.executeAsync("quiet recorded inputs");
                try {
                    LiveRun.awaitAllTasksRunning(cluster, job, 0);
                    // four complaints in twelve minutes, quiet for about five seconds (the evening), then the
                    // next morning's first grid report
                    List<TimedLinePlayer.Line> lines = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        lines.add(TimedLinePlayer.line(settings.ledgerEventsTopic(),
                                complaint("Q-" + i, "2026-11-19T19:%02d:00+08:00".formatted(i * 4)), lines.size()));
                    }
                    lines.add(TimedLinePlayer.line(settings.gridReportsTopic(), patrol("R-1",
                            "2026-11-20T08:00:00+08:00"), lines.size()));
                    TimedLinePlayer.play(kafka.bootstrapServers(), lines, 10_000, line -> {});

                    // the morning report waits for a later watermark; the four complaints all come through
                    List<String> seen = new ArrayList<>();
                    while (seen.size() < 4) {
                        seen.add(results.next());
                    }
                    assertEquals(List.of("E-Q-0 ahead", "E-Q-1 ahead", "E-Q-2 ahead", "E-Q-3 ahead"),
                            seen.stream().sorted().toList(), "how each held complaint met the next watermark");
                } finally {
                    job.cancel().get();
                }
            }
        }
    }

    private static String complaint(String caseId, String at) {
        return """
                {"eventId":"E-%s","caseId":"%s","type":"CREATED","at":"%s","channel":"HOTLINE",\
                "category":"environment.construction_noise","gridId":"%s","priority":"NORMAL"}"""
                .formatted(caseId, caseId, at, GRID);
    }

    private static String patrol(String reportId, String at) {
        return """
                {"reportId":"%s","gridId":"%s","workerId":"W0001","kind":"PATROL","hazardFound":false,\
                "observedAt":"%s"}""".formatted(reportId, GRID, at);
    }

    /** Holds each record until the watermark passes its event time, as the admission gate does. */
    static final class HoldUntilEventTime extends KeyedProcessFunction<String, Ingested, Ingested> {

        private transient ListState<Ingested> held;
        /** Event time of the oldest record held, {@code Long.MAX_VALUE} when none: its operator reads it. */
        transient long oldestHeld;

        @Override
        public void open(OpenContext openContext) {
            held = getRuntimeContext().getListState(new ListStateDescriptor<>("held", Ingested.class));
            oldestHeld = Long.MAX_VALUE;
        }

        @Override
        public void processElement(Ingested record, Context ctx, Collector<Ingested> out) throws Exception {
            held.add(record);
            oldestHeld = Math.min(oldestHeld, record.eventTimeMillis());
            ctx.timerService().registerEventTimeTimer(record.eventTimeMillis());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Ingested> out) throws Exception {
            List<Ingested> later = new ArrayList<>();
            long oldest = Long.MAX_VALUE;
            for (Ingested r : held.get()) {
                if (r.eventTimeMillis() <= timestamp) {
                    out.collect(r);
                } else {
                    later.add(r);
                    oldest = Math.min(oldest, r.eventTimeMillis());
                }
            }
            held.update(later);
            oldestHeld = oldest;
        }
    }

    /**
     * The holding operator, slow to take in a change of its input's idleness while it holds records: it lets the
     * change through once the checking operator's watermark has passed the oldest of them (or after 5 s), which
     * makes the lost race of a busy subtask certain instead of likely.
     */
    static final class ResumesOnlyOnceOvertaken extends KeyedProcessOperator<String, Ingested, Ingested> {

        ResumesOnlyOnceOvertaken(HoldUntilEventTime function) {
            super(function);
        }

        @Override
        public void processWatermarkStatus(WatermarkStatus status) throws Exception {
            long oldest = ((HoldUntilEventTime) getUserFunction()).oldestHeld;
            long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (status.isActive() && oldest != Long.MAX_VALUE && CHECKER_WATERMARK.get() < oldest
                    && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            super.processWatermarkStatus(status);
        }
    }

    /** Tells, for each record, whether it came ahead of this operator's watermark or behind it (too late). */
    static final class CheckAgainstWatermark extends KeyedProcessOperator<String, Ingested, String> {

        CheckAgainstWatermark() {
            super(new Check());
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            super.processWatermark(mark);
            CHECKER_WATERMARK.accumulateAndGet(mark.getTimestamp(), Math::max);
        }
    }

    static final class Check extends KeyedProcessFunction<String, Ingested, String> {
        @Override
        public void processElement(Ingested record, Context ctx, Collector<String> out) {
            long watermark = ctx.timerService().currentWatermark();
            String id = record.ledgerEvent() != null ? record.ledgerEvent().eventId() : record.dedupeKey();
            out.collect(id + (ctx.timestamp() > watermark ? " ahead"
                    : " behind the watermark " + Instant.ofEpochMilli(watermark)));
        }
    }
}
