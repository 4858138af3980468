package org.gridwarden.rules.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.state.MapState;

/**
 * Events buffered in keyed state until the watermark passes them, then handed out in a fixed event-time
 * order: what makes the keyed rules here independent of arrival order (live) and of key order (BATCH).
 */
final class EventTimeBuffer {

    private EventTimeBuffer() {}

    /** Removes and returns, in {@code order}, the buffered entries at or before {@code timestamp}. */
    static <T> List<T> takeReady(MapState<String, T> pending, long timestamp, Function<T, Instant> timeOf,
            Comparator<T> order) throws Exception {
        List<T> ready = new ArrayList<>();
        Iterator<Map.Entry<String, T>> it = pending.iterator();
        while (it.hasNext()) {
            T e = it.next().getValue();
            if (timeOf.apply(e).toEpochMilli() <= timestamp) {
                ready.add(e);
                it.remove();
            }
        }
        if (pending.isEmpty()) {
            pending.clear(); // an emptied map still counts as a state entry
        }
        ready.sort(order);
        return ready;
    }
}
