package org.gridwarden.connectors.kafka.live;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;

/**
 * The event-time clock of one Kafka partition. While records are read, its watermark is the newest event
 * time seen minus the allowed lateness (an event time never counts beyond the record's arrival, so one
 * device with a fast clock cannot pull the clock ahead). The wall clock may take over only when the
 * partition is at rest: read up to the end offset of a recent probe, and quiet since for a while. A backlog
 * still unread, or a broker that cannot be asked, is never at rest, so event time never outruns unread input.
 * Recorded data at rest follows the {@link EventFrontier} of the job's other partitions instead; the split is
 * never marked idle (see there why).
 */
final class PartitionClock {

    private final long latenessMillis;
    private final QuietPartitions quiet;
    private final long startingOffset;

    private long newestTime = Long.MIN_VALUE;
    private long position;
    private long lastRecordAt;
    private PartitionEnds.Range range;
    private long probedAt = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    /** @param startingOffset where the split starts reading; negative when Kafka resolves it (earliest) */
    PartitionClock(long latenessMillis, QuietPartitions quiet, long startingOffset, long now) {
        this.latenessMillis = latenessMillis;
        this.quiet = quiet;
        this.startingOffset = startingOffset;
        this.position = startingOffset;
        this.lastRecordAt = now;
    }

    void onRecord(long offset, long eventTime, long arrival, long now) {
        position = offset + 1;
        lastRecordAt = now;
        if (eventTime != Long.MIN_VALUE) {
            newestTime = Math.max(newestTime, Math.min(eventTime, arrival));
        }
    }

    void onProbe(PartitionEnds.Range range, long probedAt) {
        this.range = range;
        this.probedAt = probedAt;
    }

    /** Read to the end of a recent probe and quiet for {@code quiet.after()}. */
    boolean atRest(long now) {
        if (range == null || now - probedAt > quiet.probeValidity().toMillis()) {
            return false;
        }
        long readUpTo = position >= 0 ? Math.max(position, range.beginning()) : range.beginning();
        return readUpTo >= range.end() && now - lastRecordAt >= quiet.after().toMillis();
    }

    /** The partition's own watermark: from its records, or the wall clock when live data is at rest. */
    long watermark(long now) {
        long wm = newestTime == Long.MIN_VALUE ? Long.MIN_VALUE : newestTime - latenessMillis - 1;
        if (quiet.followsWallClock() && atRest(now)) {
            wm = Math.max(wm, now - quiet.lag().toMillis());
        }
        return wm;
    }

    /**
     * The watermark the split may emit now: its own, or, for recorded data at rest, {@code frontier} if that is
     * further; never less than what it emitted before.
     */
    long watermark(long now, long frontier) {
        long wm = watermark(now);
        if (!quiet.followsWallClock() && atRest(now)) {
            wm = Math.max(wm, frontier);
        }
        return Math.max(wm, emitted);
    }

    /** Moves the split's watermark forward. */
    void advance(SourceOutput<?> output, long now, long frontier) {
        long wm = watermark(now, frontier);
        if (wm > emitted) {
            emitted = wm;
            output.emitWatermark(new Watermark(wm));
        }
    }

    /** What the enumerator hears of this split, to work out the {@link EventFrontier}. */
    SplitClocks.Reading reading(long now) {
        return new SplitClocks.Reading(Math.max(watermark(now), emitted), atRest(now));
    }

    long startingOffset() {
        return startingOffset;
    }
}
