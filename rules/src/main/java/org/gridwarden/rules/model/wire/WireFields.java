package org.gridwarden.rules.model.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * How a field of an input record is written when it crosses the network or enters keyed state: each nullable
 * field in a few bytes, without reflection. An enum is one byte, a time its epoch millis (with the rare
 * sub-millisecond part kept exactly), a string its UTF-8 bytes after their count (0 for null): whole byte
 * arrays, because Flink's own string form writes a string character by character.
 */
final class WireFields {

    private static final byte NULL = 0;
    private static final byte MILLIS = 1;
    private static final byte NANOS = 2;
    /** The low bit of a string's count: its UTF-16 chars follow, not UTF-8 bytes. */
    private static final int CHARS = 1;

    private WireFields() {}

    static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(0);
        } else if (hasSurrogates(s)) {
            // a JSON escape can carry a lone surrogate, which UTF-8 cannot: such a string goes char by char
            writeCount(((s.length() << 1) | CHARS) + 1, out);
            for (int i = 0; i < s.length(); i++) {
                out.writeChar(s.charAt(i));
            }
        } else {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            writeCount((bytes.length << 1) + 1, out);
            out.write(bytes);
        }
    }

    static String readString(DataInputView in) throws IOException {
        int count = readCount(in);
        if (count == 0) {
            return null;
        }
        int length = (count - 1) >>> 1;
        if (((count - 1) & CHARS) != 0) {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = in.readChar();
            }
            return new String(chars);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A count in 7-bit groups, low first: one byte below 128. */
    private static void writeCount(int n, DataOutputView out) throws IOException {
        while (n >= 0x80) {
            out.writeByte((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.writeByte(n);
    }

    private static int readCount(DataInputView in) throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (b & 0x7F) << shift;
            if (b < 0x80) {
                return n;
            }
        }
        throw new IOException("not a string length in the wire format");
    }

    static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
        out.writeByte(e == null ? 0 : e.ordinal() + 1);
    }

    static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
        int b = in.readUnsignedByte();
        return b == 0 ? null : values[b - 1];
    }

    static void writeInstant(Instant t, DataOutputView out) throws IOException {
        if (t == null) {
            out.writeByte(NULL);
        } else if (t.getNano() % 1_000_000 == 0) {
            out.writeByte(MILLIS);
            out.writeLong(t.toEpochMilli());
        } else {
            out.writeByte(NANOS);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    static Instant readInstant(DataInputView in) throws IOException {
        return switch (in.readByte()) {
            case NULL -> null;
            case MILLIS -> Instant.ofEpochMilli(in.readLong());
            case NANOS -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            default -> throw new IOException("not a time in the wire format");
        };
    }

    static void writeInteger(Integer i, DataOutputView out) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeInt(i);
        }
    }

    static Integer readInteger(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    static void writeBoolean(Boolean b, DataOutputView out) throws IOException {
        out.writeByte(b == null ? 0 : b ? 2 : 1);
    }

    static Boolean readBoolean(DataInputView in) throws IOException {
        int b = in.readByte();
        return b == 0 ? null : b == 2;
    }
}
