package org.gridwarden.rules.model.wire;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Named by {@code @TypeInfo(WireRecord.class)} on a model record, so that every stream and keyed state of it
 * uses the compact {@link WireRecordSerializer}.
 */
public final class WireRecord<T extends Record> extends TypeInfoFactory<T> {

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
        Class<T> type = (Class<T>) t;
        return new WireTypeInfo<>(type, WireRecordSerializer.of(type));
    }
}
