package org.gridwarden.rules.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.wire.GridReportSerializer;
import org.gridwarden.rules.model.wire.LedgerEventSerializer;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * The version of an id that was admitted, as later versions of that id are compared with it. The duplicate
 * check keeps one per id for the whole retention (days), so it holds numbers, not text: the names a conflict
 * gives are made only when one is dead-lettered.
 *
 * @param eventTimeMillis its event time; the id is remembered until the watermark passes it by the retention
 * @param digest the first 64 bits of the SHA-256 of its decoded content, so a resend with other whitespace or
 *     field order is the same
 * @param source the topic or file it came from, null when unknown
 * @param partition its Kafka partition, or {@value #FILE_LINE} for a line of a file
 * @param position its Kafka offset, or its line
 */
@TypeInfo(WireRecord.class)
public record AdmittedVersion(long eventTimeMillis, long digest, String source, int partition, long position) {

    static final int FILE_LINE = -1;

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
    private static final ThreadLocal<DataOutputSerializer> CONTENT =
            ThreadLocal.withInitial(() -> new DataOutputSerializer(512));

    static AdmittedVersion of(Ingested record) {
        Origin origin = record.origin();
        boolean kafka = origin != null && origin.line() == null;
        return new AdmittedVersion(record.eventTimeMillis(), digest(record), origin == null ? null : origin.source(),
                kafka ? origin.partition() : FILE_LINE,
                origin == null ? 0 : kafka ? origin.offset() : origin.line());
    }

    static long digest(Ingested record) {
        DataOutputSerializer content = CONTENT.get();
        content.clear();
        try {
            // the wire form: one form per content, and far cheaper to make than the record's text
            if (record.report() != null) {
                GridReportSerializer.INSTANCE.serialize(record.report(), content);
            } else {
                LedgerEventSerializer.INSTANCE.serialize(record.ledgerEvent(), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a record's wire form is written to memory", e);
        }
        MessageDigest sha256 = SHA_256.get();
        sha256.update(content.getSharedBuffer(), 0, content.length());
        byte[] hash = sha256.digest();
        long first64 = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            first64 = (first64 << 8) | (hash[i] & 0xFF);
        }
        return first64;
    }

    /** The digest as a conflict names it: {@code sha256:} and its 16 hex digits. */
    static String named(long digest) {
        return "sha256:" + HexFormat.of().toHexDigits(digest);
    }

    static String describe(Ingested record) {
        return record.origin() == null ? "unknown origin" : record.origin().describe();
    }

    /** Where this version came from, as {@link Origin#describe()} names it. */
    String describeOrigin() {
        if (source == null) {
            return "unknown origin";
        }
        return (partition == FILE_LINE ? Origin.file(null, source, position, null)
                : Origin.kafka(null, source, partition, position, 0, null)).describe();
    }
}
