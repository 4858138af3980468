package org.gridwarden.rules.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A bounded run's horizon learned inside the job when it was not given: the newest event time of the valid
 * records every reading task let through, broadcast once each task's input has ended. In BATCH mode an operator
 * reads its broadcast input to the end before its first keyed record, so the bound is complete before any
 * end-of-input timer fires, and the rules need not build the alerts after it.
 *
 * <p>The readers count every valid record, the horizon only those the duplicate check admitted, so the bound can
 * lie above the horizon (a conflicting version newer than all else), never below: nothing is cut here that the
 * client's exact {@link BeforeHorizon} would keep.
 */
public final class NewestEventBound implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final MapStateDescriptor<String, Reading> READINGS = new MapStateDescriptor<>(
            "newest-event-time-readings", Types.STRING, TypeInformation.of(Reading.class));

    /**
     * What one task read.
     *
     * @param reader the uid of the operator that read it
     * @param subtask the task of that operator that read it
     * @param subtasks how many tasks of that operator send a reading: all of them before the bound is known
     * @param eventTimeMillis {@link Long#MIN_VALUE} when the task saw no valid record
     */
    public record Reading(String reader, int subtask, int subtasks, long eventTimeMillis) {

        String slot() {
            return reader + "#" + subtask;
        }
    }

    /**
     * The readings of a run, for the operators that cut at them.
     *
     * @param readers how many reading operators feed {@code readings}, each with all its tasks
     */
    public record Feed(DataStream<Reading> readings, int readers) {

        public BroadcastStream<Reading> broadcast() {
            return readings.broadcast(READINGS);
        }
    }

    private final int readers;
    private transient Instant bound;
    /** Whether {@link #bound} reflects every reading kept: false after a new reading and after a restore. */
    private transient boolean current;

    public NewestEventBound(int readers) {
        this.readers = readers;
    }

    /** Keeps a reading in the operator's broadcast state. */
    public void record(Reading reading, BroadcastState<String, Reading> state) throws Exception {
        state.put(reading.slot(), reading);
        current = false;
    }

    /**
     * The newest event time of all tasks once each has sent its reading, else null. Worked out again only
     * after a new reading: in STREAMING mode it is asked for every record until the last task has sent.
     */
    public Instant bound(ReadOnlyBroadcastState<String, Reading> readings) throws Exception {
        if (current) {
            return bound;
        }
        current = true;
        Map<String, Integer> received = new HashMap<>();
        Map<String, Integer> expected = new HashMap<>();
        long newest = Long.MIN_VALUE;
        for (Map.Entry<String, Reading> e : readings.immutableEntries()) {
            Reading r = e.getValue();
            received.merge(r.reader(), 1, Integer::sum);
            expected.put(r.reader(), r.subtasks());
            newest = Math.max(newest, r.eventTimeMillis());
        }
        if (received.size() == readers && received.equals(expected)) {
            // complete readings never change again: no task sends twice
            bound = Instant.ofEpochMilli(newest);
        }
        return bound;
    }
}
