package org.gridwarden.rules.model;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * One input record after decoding: a report, a ledger event or a dead letter. Keeps both input streams and
 * their dead letters in one type so that accounting (in = processed + dead-lettered + duplicates) is exact.
 * A valid record keeps its origin until admission, so that a late or conflicting one can still be dead-lettered
 * with it.
 */
@TypeInfo(WireRecord.class)
public record Ingested(GridReport report, LedgerEvent ledgerEvent, Origin origin, DeadLetter deadLetter) {

    public static Ingested of(GridReport report, Origin origin) {
        return new Ingested(report, null, origin, null);
    }

    public static Ingested of(LedgerEvent event, Origin origin) {
        return new Ingested(null, event, origin, null);
    }

    public static Ingested of(DeadLetter deadLetter) {
        return new Ingested(null, null, null, deadLetter);
    }

    /** The same record without its raw text, where only its place is needed to name it in a dead letter. */
    public Ingested withoutRawInput() {
        return new Ingested(report, ledgerEvent, origin == null ? null : origin.withoutRaw(), deadLetter);
    }

    /** The input stream the record came from (grid reports or ledger events). */
    public String stream() {
        return origin != null ? origin.stream() : deadLetter.stream();
    }

    public boolean isValid() {
        return deadLetter == null;
    }

    /** The identity that makes two records exact duplicates. */
    public String dedupeKey() {
        return report != null ? "R|" + report.reportId() : "L|" + ledgerEvent.eventId();
    }

    /** Event time in epoch millis; {@link Long#MIN_VALUE} for dead letters, so they never move a watermark. */
    public long eventTimeMillis() {
        Instant t = report != null ? report.eventTime() : ledgerEvent != null ? ledgerEvent.eventTime() : null;
        return t == null ? Long.MIN_VALUE : t.toEpochMilli();
    }
}
