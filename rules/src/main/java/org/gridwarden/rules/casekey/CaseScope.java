package org.gridwarden.rules.casekey;

import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;

/** What a {@link CaseHandler} may do with the case at hand: its timers, the shared buffer, its outputs. */
public interface CaseScope {

    long currentWatermark();

    /** Asks for a wake-up at {@code time} (one timer per case and time, whoever asks). */
    void registerTimer(long time);

    /**
     * Gives up {@code owner}'s timer at {@code time}; the timer stays while another handler or a buffered
     * event still needs it.
     */
    void deleteTimer(CaseHandler owner, long time) throws Exception;

    /** The case's events not yet passed by the watermark, or null when no handler reads in order. */
    EventTimeBuffer<LedgerEvent> pending();

    void alert(Alert alert);

    /** A record for a rule family downstream, keyed otherwise (e.g. by complaint subject or building). */
    <T> void emit(OutputTag<T> tag, T record);
}
