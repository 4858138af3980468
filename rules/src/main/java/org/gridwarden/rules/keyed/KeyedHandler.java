package org.gridwarden.rules.keyed;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.gridwarden.rules.RuleContext;

/**
 * A rule family's part of a shared keyed operator ({@link HandlersByKey}): its own keyed state and timers, fed
 * the key's records on arrival and, in event-time order, once the watermark passes them.
 *
 * <p>Timers are shared: Flink keeps one timer per key and time, and {@link KeyScope#deleteTimer} keeps a timer
 * another handler or a buffered record still needs. So a handler may be woken at a time it did not ask for,
 * and must then do no more than its own timers would have done by that time.
 *
 * @param <T> the records of the key, e.g. a case's ledger events
 */
public interface KeyedHandler<T> extends Serializable {

    /** What it adds to the operator's name, e.g. "overdue". */
    String name();

    /** Opens its keyed state under names of its own (the handlers share one keyed state namespace). */
    void open(RuntimeContext runtime);

    /** Whether it reads the key's records in event-time order from the shared buffer (see {@link #onTimer}). */
    default boolean readsInOrder() {
        return false;
    }

    /** A record of the key, as it arrives (before the watermark passes it). */
    default void arrived(T record, KeyScope<T> scope) throws Exception {}

    /**
     * A timer of the key fired.
     *
     * @param ready the buffered records due at or before {@code timestamp}, in event-time order (empty for a
     *     handler that does not {@link #readsInOrder read in order}); every such handler sees the same list
     */
    void onTimer(long timestamp, List<T> ready, KeyScope<T> scope) throws Exception;

    /** Whether its state still waits for a timer at {@code time}, asked before another handler deletes it. */
    boolean needsTimerAt(long time) throws Exception;

    /**
     * Builds a family's handler from its context, as the registry of rule families declares it. Families that
     * share a handler declare the same factory object, and it runs once.
     */
    @FunctionalInterface
    interface Factory<T> extends Serializable {
        KeyedHandler<T> create(RuleContext ctx);
    }
}
