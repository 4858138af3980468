package org.gridwarden.rules.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.Ingested;
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

    static AdmittedVersion of(Ingested record) {
        return new AdmittedVersion(record.eventTimeMillis(), digest(record), describe(record));
    }

    static String digest(Ingested record) {
        Object content = record.report() != null ? record.report() : record.ledgerEvent();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String describe(Ingested record) {
        return record.origin() == null ? "unknown origin" : record.origin().describe();
    }
}
