package org.gridwarden.rules.metrics;

import java.util.function.LongSupplier;
import org.apache.flink.metrics.Gauge;

/**
 * How far the operator's event-time clock is behind the wall clock: wall clock minus the current watermark, in
 * milliseconds. An operational figure for dashboards, never used by the rules, so it reads the machine's clock.
 * While the live job keeps up it stays around the allowed lateness (plus the quiet lag on a quiet night); a
 * growing value means the job, or an input partition, is falling behind.
 *
 * <p>Reports -1 until a watermark is known (before the first record, or while no watermark has arrived), and 0
 * once the input has ended (watermark at {@link Long#MAX_VALUE}: nothing is pending).
 */
public final class EventTimeLag implements Gauge<Long> {

    public static final long UNKNOWN = -1;

    private final LongSupplier wallClock;
    private volatile LongSupplier watermark;

    public EventTimeLag(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /** The machine's clock. */
    public static EventTimeLag systemClock() {
        return new EventTimeLag(System::currentTimeMillis);
    }

    /** Where to read the operator's current watermark from; set once it is reachable. */
    public void watch(LongSupplier currentWatermark) {
        this.watermark = currentWatermark;
    }

    public boolean isWatching() {
        return watermark != null;
    }

    @Override
    public Long getValue() {
        LongSupplier source = watermark;
        if (source == null) {
            return UNKNOWN;
        }
        long w = source.getAsLong();
        if (w == Long.MIN_VALUE) {
            return UNKNOWN;
        }
        if (w == Long.MAX_VALUE) {
            return 0L;
        }
        return wallClock.getAsLong() - w; // negative: event time ahead of this machine's clock
    }
}
