package org.gridwarden.connectors.codec;

import static org.gridwarden.rules.model.DeadLetter.ENCODING;
import static org.gridwarden.rules.model.DeadLetter.TOO_LARGE;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Origin;

/**
 * A record's bytes as received, before any JSON: too large, not UTF-8, or its text. Decoding is strict, so
 * no byte is ever replaced: what cannot be read is kept exactly, as base64.
 */
final class RecordBytes {

    private RecordBytes() {}

    /** The record too large for {@code limit} bytes, or null when it fits. */
    static DeadLetter tooLarge(Origin origin, byte[] bytes, int limit) {
        if (bytes.length <= limit) {
            return null;
        }
        int cut = limit;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--; // keep the last character whole
        }
        byte[] head = Arrays.copyOf(bytes, cut);
        String detail = String.format("the record has %,d bytes, more than the %,d allowed (ingest.limits.recordBytes);"
                + " raw keeps its first %,d bytes", bytes.length, limit, cut);
        String text = utf8(head);
        return text != null ? origin.withRaw(text).deadLetter(TOO_LARGE, detail)
                : origin.deadLetterOfBytes(TOO_LARGE, detail + ", in rawBase64 as they are not valid UTF-8", head);
    }

    /** The dead letter of bytes that are not UTF-8, or null when they are. */
    static DeadLetter notUtf8(Origin origin, byte[] bytes) {
        int at = invalidAt(bytes);
        return at < 0 ? null : origin.deadLetterOfBytes(ENCODING, String.format("not valid UTF-8 at byte %,d of %,d;"
                + " the bytes as received are in rawBase64", at, bytes.length), bytes);
    }

    /** The text of UTF-8 bytes, or null when they are not valid UTF-8. */
    static String utf8(byte[] bytes) {
        return invalidAt(bytes) < 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
    }

    /** The offset of the first byte that is not valid UTF-8, or -1. */
    private static int invalidAt(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports, never replaces
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : -1;
    }
}
