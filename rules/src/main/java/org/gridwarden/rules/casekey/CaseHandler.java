package org.gridwarden.rules.casekey;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * A rule family's part of the one operator keyed by case ({@link CaseRules}): its own keyed state and timers,
 * fed the case's ledger events on arrival and, in event-time order, once the watermark passes them.
 *
 * <p>Timers are shared: Flink keeps one timer per key and time, and {@link CaseScope#deleteTimer} keeps a
 * timer another handler or a buffered event still needs. So a handler may be woken at a time it did not ask
 * for, and must then do no more than its own timers would have done by that time.
 */
public interface CaseHandler extends Serializable {

    /** What it adds to the operator's name, e.g. "overdue". */
    String name();

    /** Opens its keyed state under names of its own (the handlers share one keyed state namespace). */
    void open(RuntimeContext runtime);

    /** Whether it reads the case's events in event-time order from the shared buffer (see {@link #onTimer}). */
    default boolean readsInOrder() {
        return false;
    }

    /** A ledger event of the case, as it arrives (before the watermark passes it). */
    default void arrived(LedgerEvent event, CaseScope scope) throws Exception {}

    /**
     * A timer of the case fired.
     *
     * @param ready the buffered events due at or before {@code timestamp}, in event-time order (empty for a
     *     handler that does not {@link #readsInOrder read in order}); every such handler sees the same list
     */
    void onTimer(long timestamp, List<LedgerEvent> ready, CaseScope scope) throws Exception;

    /** Whether its state still waits for a timer at {@code time}, asked before another handler deletes it. */
    boolean needsTimerAt(long time) throws Exception;

    /** Builds a family's handler from its context, as the registry of rule families declares it. */
    @FunctionalInterface
    interface Factory extends Serializable {
        CaseHandler create(RuleContext ctx);
    }
}
