package org.gridwarden.rules.model.wire;

import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * How a field of an input record is written when it crosses the network or enters keyed state: each nullable
 * field in a few bytes, without reflection. An enum is one byte, a time its epoch millis (with the rare
 * sub-millisecond part kept exactly), a string Flink's own compact string form.
 */
final class WireFields {

    private static final byte NULL = 0;
    private static final byte MILLIS = 1;
    private static final byte NANOS = 2;

    private WireFields() {}

    static void writeString(String s, DataOutputView out) throws IOException {
        StringValue.writeString(s, out); // null-safe
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
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
