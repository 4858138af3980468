package org.gridwarden.connectors.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoint format of file splits (path and lines done) and of the enumerator's remaining splits. */
final class LineFileSplitSerializer {

    private LineFileSplitSerializer() {}

    static final SimpleVersionedSerializer<LineFileSplit> SPLIT = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(LineFileSplit split) throws IOException {
            return write(List.of(split));
        }

        @Override
        public LineFileSplit deserialize(int version, byte[] bytes) throws IOException {
            return read(bytes).get(0);
        }
    };

    static final SimpleVersionedSerializer<Collection<LineFileSplit>> SPLITS = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Collection<LineFileSplit> splits) throws IOException {
            return write(splits);
        }

        @Override
        public Collection<LineFileSplit> deserialize(int version, byte[] bytes) throws IOException {
            return read(bytes);
        }
    };

    private static byte[] write(Collection<LineFileSplit> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            for (LineFileSplit s : splits) {
                out.writeUTF(s.file());
                out.writeLong(s.linesDone());
            }
        }
        return bytes.toByteArray();
    }

    private static List<LineFileSplit> read(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<LineFileSplit> splits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                splits.add(new LineFileSplit(in.readUTF(), in.readLong()));
            }
            return splits;
        }
    }
}
