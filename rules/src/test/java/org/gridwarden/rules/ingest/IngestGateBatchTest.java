package org.gridwarden.rules.ingest;

import static org.gridwarden.rules.ingest.IngestGateTest.NINE;
import static org.gridwarden.rules.ingest.IngestGateTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.junit.jupiter.api.Test;

/**
 * The same lines admitted live (a watermark following the records, 10 minutes behind) and in a BATCH replay:
 * the same versions admitted, the same conflicts, whatever the order of the lines.
 */
class IngestGateBatchTest {

    private static final Duration LATENESS = Duration.ofMinutes(10);

    private final List<Ingested> lines = List.of(
            record("C1", NINE, "gas.leak", 1),
            record("C1", NINE.plusSeconds(60), "fire.blocked_exit", 2), // other content, later: a conflict
            record("C1", NINE, "gas.leak", 3), // the same content again: a duplicate
            record("C1", NINE.plus(Duration.ofDays(8)), "gas.leak", 4), // the id again after the retention
            record("C2", NINE.plus(Duration.ofDays(8)), "gas.leak", 5));

    @Test
    void liveAndBatchDecideAlike_whateverTheOrderOfTheLines() throws Exception {
        Map<Long, String> expected = Map.of(1L, "admitted", 2L, DeadLetter.CONFLICTING_DUPLICATE, 4L, "admitted",
                5L, "admitted");
        assertEquals(expected, live(lines));
        assertEquals(expected, batch(lines));
        List<Ingested> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        // lines 1 and 3 are the same content: whichever comes first is admitted, the other is the duplicate
        assertEquals(Map.of(3L, "admitted", 2L, DeadLetter.CONFLICTING_DUPLICATE, 4L, "admitted", 5L, "admitted"),
                batch(reversed));
    }

    @Test
    void aResendEightDaysLater_isNeverAdmittedAgain_liveLateInBatchADuplicate() throws Exception {
        List<Ingested> withResend = new ArrayList<>(lines);
        withResend.add(record("C1", NINE, "gas.leak", 6));
        Map<Long, String> live = live(withResend);
        Map<Long, String> batch = batch(withResend);
        assertEquals(DeadLetter.LATE, live.remove(6L));
        assertEquals(null, batch.get(6L), "a duplicate in replay: dropped and counted");
        assertEquals(batch, live);
    }

    /** Outcome by line: admitted or the dead-letter reason; duplicates have none. */
    private static Map<Long, String> live(List<Ingested> records) throws Exception {
        Map<Long, String> outcome = new TreeMap<>();
        try (KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, Ingested, Ingested> harness = IngestGateTest.newHarness()) {
            long watermark = Long.MIN_VALUE;
            for (Ingested r : records) {
                harness.processElement(r, r.eventTimeMillis());
                watermark = Math.max(watermark, r.eventTimeMillis() - LATENESS.toMillis());
                harness.processWatermark(watermark);
            }
            harness.processWatermark(Long.MAX_VALUE); // the records still waiting are decided when time moves on
            harness.extractOutputValues().forEach(r -> outcome.put(r.origin().line(), "admitted"));
            if (harness.getSideOutput(IngestGate.DEAD_LETTERS) != null) {
                harness.getSideOutput(IngestGate.DEAD_LETTERS).forEach(d -> outcome.put(d.getValue().line(),
                        d.getValue().reason()));
            }
        }
        return outcome;
    }

    private static Map<Long, String> batch(List<Ingested> records) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        SingleOutputStreamOperator<Ingested> admitted = env.fromData(records)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ingested>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.eventTimeMillis()))
                .keyBy(IngestGate.KEY)
                .process(new IngestGate(Duration.ofDays(7), "10m"));
        DataStream<String> outcomes = admitted.map(r -> r.origin().line() + " admitted").returns(Types.STRING)
                .union(admitted.getSideOutput(IngestGate.DEAD_LETTERS).map(d -> d.line() + " " + d.reason())
                        .returns(Types.STRING));
        Map<Long, String> outcome = new TreeMap<>();
        try (CloseableIterator<String> it = outcomes.executeAndCollect("ingest gate, batch")) {
            it.forEachRemaining(s -> outcome.put(Long.parseLong(s.split(" ")[0]), s.split(" ")[1]));
        }
        return outcome;
    }
}
