package org.gridwarden.rules.keyed;

import java.time.Instant;
import org.apache.flink.util.OutputTag;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.model.Alert;

/** What a {@link KeyedHandler} may do with the key at hand: its timers, the shared buffer, its outputs. */
public interface KeyScope<T> {

    long currentWatermark();

    /**
     * Whether an alert true at {@code eventTime} is raised, as far as the job has learned its horizon
     * ({@link org.gridwarden.rules.alert.NewestEventBound}); a horizon given before the run is the alert
     * factory's to apply.
     */
    boolean raises(Instant eventTime);

    /** Asks for a wake-up at {@code time} (one timer per key and time, whoever asks). */
    void registerTimer(long time);

    /**
     * Gives up {@code owner}'s timer at {@code time}; the timer stays while another handler or a buffered
     * record still needs it.
     */
    void deleteTimer(KeyedHandler<T> owner, long time) throws Exception;

    /** The key's records not yet passed by the watermark, or null when no handler reads in order. */
    EventTimeBuffer<T> pending();

    void alert(Alert alert);

    /** A record for a rule family downstream, keyed otherwise (e.g. by complaint subject or building). */
    <O> void emit(OutputTag<O> tag, O record);
}
