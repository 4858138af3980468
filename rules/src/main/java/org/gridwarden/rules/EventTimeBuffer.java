package org.gridwarden.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.TimerService;

/**
 * Records of one key held in keyed state until the watermark passes the time each is due, then handed out in
 * a fixed order: what makes the keyed rules independent of arrival order (live) and of key order (BATCH).
 * Each record asks for its timer when it is added, never from a timer, because a BATCH run ignores timers
 * registered at the end of input.
 *
 * <p>The state is a map by record id (a second copy of a record replaces the first) under the name the rule
 * gives, so the rules' savepoints keep their layout.
 *
 * @param <T> the buffered record, a Flink POJO type
 */
public final class EventTimeBuffer<T> {

    private final MapState<String, T> pending;
    private final Function<T, Instant> dueAt;
    private final Comparator<T> order;

    private EventTimeBuffer(MapState<String, T> pending, Function<T, Instant> dueAt, Comparator<T> order) {
        this.pending = pending;
        this.dueAt = dueAt;
        this.order = order;
    }

    /**
     * The buffer in the state {@code stateName} of the function's runtime context; to call from {@code open}.
     *
     * @param dueAt when a record may be handed out: usually its event time
     * @param order the order in which records due together are handed out, total so that every run agrees
     */
    public static <T> EventTimeBuffer<T> open(RuntimeContext runtime, String stateName, Class<T> type,
            Function<T, Instant> dueAt, Comparator<T> order) {
        return new EventTimeBuffer<>(runtime.getMapState(new MapStateDescriptor<>(stateName, String.class, type)),
                dueAt, order);
    }

    /** Holds {@code record} under {@code id} and asks for a timer when it is due. */
    public void add(String id, T record, TimerService timers) throws Exception {
        pending.put(id, record);
        timers.registerEventTimeTimer(dueAt.apply(record).toEpochMilli());
    }

    /** Removes and returns, in order, the records due at or before {@code timestamp}. */
    public List<T> takeReady(long timestamp) throws Exception {
        List<T> ready = new ArrayList<>();
        Iterator<Map.Entry<String, T>> it = pending.iterator();
        while (it.hasNext()) {
            T record = it.next().getValue();
            if (dueAt.apply(record).toEpochMilli() <= timestamp) {
                ready.add(record);
                it.remove();
            }
        }
        if (pending.isEmpty()) {
            pending.clear(); // an emptied map still counts as a state entry
        }
        ready.sort(order);
        return ready;
    }

    public boolean isEmpty() throws Exception {
        return pending.isEmpty();
    }

    /** When the first held record is due (epoch millis), or null when none is held. */
    public Long earliestDue() throws Exception {
        Long earliest = null;
        for (T record : pending.values()) {
            long t = dueAt.apply(record).toEpochMilli();
            earliest = earliest == null || t < earliest ? t : earliest;
        }
        return earliest;
    }

    /**
     * Whether a held record still needs the timer at {@code time}: Flink keeps one timer per key and time, so a
     * rule must not delete a timer of its own that a buffered record shares.
     */
    public boolean needsTimerAt(long time) throws Exception {
        for (T record : pending.values()) {
            if (dueAt.apply(record).toEpochMilli() == time) {
                return true;
            }
        }
        return false;
    }
}
