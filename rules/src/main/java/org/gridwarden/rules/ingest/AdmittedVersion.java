package org.gridwarden.rules.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.wire.GridReportSerializer;
import org.gridwarden.rules.model.wire.LedgerEventSerializer;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * The version of an id that was admitted, as later versions of that id are compared with it.
 *
 * @param eventTimeMillis its event time; the id is remembered until the watermark passes it by the retention
 * @param digest a digest of its decoded content, so a resend with other whitespace or field order is the same
 * @param origin where it came from, to name it in a conflict
 */
@TypeInfo(WireRecord.class)
public record AdmittedVersion(long eventTimeMillis, String digest, String origin) {

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
        return new AdmittedVersion(record.eventTimeMillis(), digest(record), describe(record));
    }

    static String digest(Ingested record) {
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
        return "sha256:" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }

    static String describe(Ingested record) {
        return record.origin() == null ? "unknown origin" : record.origin().describe();
    }
}
