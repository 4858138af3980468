package org.gridwarden.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.casekey.CaseRules;
import org.gridwarden.rules.complaint.CaseFact;
import org.gridwarden.rules.complaint.SubjectRules;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.wire.IdKey;

/** Assertions shared by the operator-harness tests of every rule family. */
public final class Harnesses {

    private Harnesses() {}

    /** Once an episode is over, a rule keeps no keyed state and no timer for it. */
    public static void assertForgotten(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> harness) {
        assertEquals(0, harness.numKeyedStateEntries(), "keyed state left behind");
        assertNoTimers(harness);
    }

    public static void assertNoTimers(AbstractStreamOperatorTestHarness<?> harness) {
        assertEquals(0, harness.numEventTimeTimers(), "timers left behind");
    }

    /** The operator keyed by case with these handlers only, opened. */
    @SafeVarargs
    public static KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Alert> byCase(
            KeyedHandler<LedgerEvent>... handlers) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CaseRules(List.of(handlers)), CaseRules.KEY,
                IdKey.TYPE);
    }

    /**
     * The operator keyed by case of a bounded run that learns its horizon from {@code readers} reading
     * operators, with these handlers only, opened.
     */
    @SafeVarargs
    public static KeyedBroadcastOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Reading, Alert>
            byCaseUpToNewestEvent(int readers, KeyedHandler<LedgerEvent>... handlers) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new CaseRules.UpToNewestEvent(List.of(handlers), readers), CaseRules.KEY, IdKey.TYPE,
                NewestEventBound.READINGS);
    }

    /** The operator keyed by complaint subject with these handlers only, opened. */
    @SafeVarargs
    public static KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, CaseFact, Alert> bySubject(
            KeyedHandler<CaseFact>... handlers) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SubjectRules(List.of(handlers)),
                SubjectRules.KEY, IdKey.TYPE);
    }

    /** Takes the records of a side output so far, leaving it empty. */
    public static <T> List<T> drain(AbstractStreamOperatorTestHarness<?> harness, OutputTag<T> tag) {
        List<T> values = new ArrayList<>();
        Queue<StreamRecord<T>> queue = harness.getSideOutput(tag);
        if (queue != null) {
            queue.forEach(r -> values.add(r.getValue()));
            queue.clear();
        }
        return values;
    }
}
