package org.gridwarden.connectors.kafka.live;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a partition that has been read to its end counts as quiet (静默), and what its event time does then.
 * Live data: event time follows the wall clock, {@code lag} behind it, so deadlines fire on a quiet night.
 * Recorded data played faster than real time: the partition follows the job's {@link EventFrontier} and holds
 * nothing back.
 *
 * @param after wall time without a record, after reaching the partition's end, before it counts as quiet
 * @param lag how far behind the wall clock a quiet live partition's event time stays; null for recorded data
 */
public record QuietPartitions(Duration after, Duration lag) implements Serializable {

    /** How often a reader moves its partitions' watermarks. */
    static final Duration TICK = Duration.ofMillis(200);

    public static QuietPartitions live(Duration after, Duration lag) {
        return new QuietPartitions(after, lag);
    }

    public static QuietPartitions recorded(Duration after) {
        return new QuietPartitions(after, null);
    }

    public boolean followsWallClock() {
        return lag != null;
    }

    /**
     * How often the end offsets are asked: a third of the lag live, so a record committed just before a
     * probe is read before the wall clock passes it by more than the lag; once a second for recorded data.
     */
    public Duration probeInterval() {
        if (lag == null) {
            return Duration.ofSeconds(1);
        }
        Duration third = lag.dividedBy(3);
        return third.compareTo(TICK) < 0 ? TICK : third.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : third;
    }

    /** A probe older than this no longer proves anything: the broker may be out of reach. */
    Duration probeValidity() {
        return probeInterval().multipliedBy(2);
    }
}
