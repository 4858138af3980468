package org.gridwarden.rules.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * A record the job could not use, kept with everything needed to find and fix it (死信).
 *
 * @param reason a stable code: MALFORMED_JSON, MISSING_FIELD, INVALID_VALUE, UNKNOWN_REFERENCE, IMPOSSIBLE_TIME,
 *     FUTURE, TOO_LARGE, FIELD_TOO_LONG, ENCODING, UNREADABLE, LATE, CONFLICTING_DUPLICATE
 * @param detail what exactly is wrong, naming the field
 * @param stream the input stream: {@code grid.reports} or {@code ledger.events}
 * @param source the Kafka topic or the file the record came from
 * @param partition Kafka partition, null for files
 * @param offset Kafka offset, null for files
 * @param line 1-based line in the file, null for Kafka
 * @param raw the record as received (for TOO_LARGE its first {@code ingest.limits.recordBytes} bytes); null when
 *     it is not valid UTF-8
 * @param rawBase64 the bytes as received, in base64, when they are not valid UTF-8 (ENCODING); else null
 */
@TypeInfo(WireRecord.class)
public record DeadLetter(
        String reason,
        String detail,
        String stream,
        String source,
        Integer partition,
        Long offset,
        Long line,
        String raw,
        String rawBase64) {

    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String INVALID_VALUE = "INVALID_VALUE";
    public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    public static final String IMPOSSIBLE_TIME = "IMPOSSIBLE_TIME";
    public static final String FUTURE = "FUTURE";
    public static final String TOO_LARGE = "TOO_LARGE";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String ENCODING = "ENCODING";
    public static final String UNREADABLE = "UNREADABLE";
    public static final String LATE = "LATE";
    /** An id seen before with other content: the version not admitted. */
    public static final String CONFLICTING_DUPLICATE = "CONFLICTING_DUPLICATE";

    /** A dead letter of text that was read as such. */
    public DeadLetter(String reason, String detail, String stream, String source, Integer partition, Long offset,
            Long line, String raw) {
        this(reason, detail, stream, source, partition, offset, line, raw, null);
    }

    public DeadLetter withReason(String newReason, String newDetail) {
        return new DeadLetter(newReason, newDetail, stream, source, partition, offset, line, raw, rawBase64);
    }
}
