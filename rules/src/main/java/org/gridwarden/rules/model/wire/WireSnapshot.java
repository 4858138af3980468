package org.gridwarden.rules.model.wire;

import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a savepoint records of a wire serializer: the version of the format it wrote. Version 3 (the first,
 * numbered as Flink's simple snapshots are) wrote strings in Flink's compact form; version 4 writes them as
 * UTF-8. State written in another version is refused at restore rather than misread.
 */
abstract class WireSnapshot<T> implements TypeSerializerSnapshot<T> {

    static final int UTF8_STRINGS = 4;

    private final Supplier<TypeSerializer<T>> serializer;
    private int version = UTF8_STRINGS;

    WireSnapshot(Supplier<TypeSerializer<T>> serializer) {
        this.serializer = serializer;
    }

    @Override
    public int getCurrentVersion() {
        return UTF8_STRINGS;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {}

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) {
        version = readVersion;
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        if (version != UTF8_STRINGS) {
            throw new IllegalStateException("state written in wire format " + version + " by an earlier version; "
                    + "this version reads format " + UTF8_STRINGS + " only (see the README on upgrading)");
        }
        return serializer.get();
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        return old instanceof WireSnapshot<?> w && w.getClass() == getClass() && w.version == UTF8_STRINGS
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
