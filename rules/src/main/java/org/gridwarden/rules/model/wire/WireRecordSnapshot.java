package org.gridwarden.rules.model.wire;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a savepoint records of a {@link WireRecordSerializer}: the record's class and its fields' names and
 * types. State written with other fields is refused at restore rather than misread.
 */
public final class WireRecordSnapshot<T extends Record> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private Class<T> type;
    private String layout;

    /** For Flink, which reads the rest with {@link #readSnapshot}. */
    public WireRecordSnapshot() {}

    WireRecordSnapshot(Class<T> type) {
        this.type = type;
        this.layout = WireRecordSerializer.layout(type);
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(type.getName());
        out.writeUTF(layout);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
        String name = in.readUTF();
        try {
            type = (Class<T>) Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException("state holds records of " + name + ", which this version does not have", e);
        }
        layout = in.readUTF();
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        String now = WireRecordSerializer.layout(type);
        if (!now.equals(layout)) {
            throw new IllegalStateException("state holds " + layout + "; this version's " + type.getSimpleName()
                    + " is " + now + " (see the README on upgrading)");
        }
        return WireRecordSerializer.of(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        return old instanceof WireRecordSnapshot<?> w && w.type == type && w.layout.equals(layout)
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
