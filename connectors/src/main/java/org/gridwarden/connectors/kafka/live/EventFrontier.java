package org.gridwarden.connectors.kafka.live;

import java.util.Collection;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * How far the event time of recorded data may go for a partition at rest: the oldest watermark of the
 * partitions still being read, in every reader; when every partition is at rest, the newest watermark of
 * any. A partition at rest follows it rather than being marked idle: idleness passes on downstream, also
 * through an operator that still holds records for their event time (the admission gate, the rules), and when
 * input resumes elsewhere the next operator takes its watermark from its other inputs alone and can pass
 * those records before they reach it.
 */
record EventFrontier(long watermark) implements SourceEvent {

    /** The frontier over the latest reading of every split; {@code Long.MIN_VALUE} when there is none. */
    static EventFrontier over(Collection<SplitClocks.Reading> readings) {
        long newest = Long.MIN_VALUE;
        for (SplitClocks.Reading r : readings) {
            newest = Math.max(newest, r.watermark());
        }
        return new EventFrontier(oldestBusy(readings, newest));
    }

    /** The oldest watermark of the splits still being read; {@code whenAllAtRest} when there is none. */
    static long oldestBusy(Collection<SplitClocks.Reading> readings, long whenAllAtRest) {
        long oldest = Long.MAX_VALUE;
        for (SplitClocks.Reading r : readings) {
            if (!r.atRest()) {
                oldest = Math.min(oldest, r.watermark());
            }
        }
        return oldest != Long.MAX_VALUE ? oldest : whenAllAtRest;
    }
}
