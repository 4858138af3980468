package org.gridwarden.rules.model.wire;

import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Any model record on the wire and in keyed state, component by component in declaration order, in the
 * compact forms of {@link WireFields}. Flink's record serializer writes a null flag per field and strings
 * character by character; it was the largest share of a replay's serialization. The records that every
 * input passes (ledger events, grid reports) keep their hand-written serializers.
 *
 * <p>A component must be a string, a time, an enum, a number or boolean (boxed or not), a list of strings,
 * or a record that has a serializer of its own: a record with anything else fails when its type is built,
 * not at run time.
 *
 * @param <T> the record
 */
public final class WireRecordSerializer<T extends Record> extends TypeSerializer<T> {

    private static final Map<Class<?>, WireRecordSerializer<?>> BY_TYPE = new ConcurrentHashMap<>();

    private final Class<T> type;
    // not reflection: Method.invoke and Constructor.newInstance per field and record were 3 % of a replay's
    // execution samples. An accessor is a generated function the JIT can inline, where a method handle held in
    // a field goes through its generic adapters (and a Class.cast per call) on every field written.
    private final transient Function<Object, Object>[] accessors;
    private final transient Codec[] codecs;
    private final transient MethodHandle canonical;

    @SuppressWarnings("unchecked")
    public static <T extends Record> WireRecordSerializer<T> of(Class<T> type) {
        // not computeIfAbsent: building a record's serializer builds those of the records it holds
        WireRecordSerializer<?> known = BY_TYPE.get(type);
        if (known == null) {
            known = new WireRecordSerializer<>(type);
            WireRecordSerializer<?> raced = BY_TYPE.putIfAbsent(type, known);
            known = raced != null ? raced : known;
        }
        return (WireRecordSerializer<T>) known;
    }

    private WireRecordSerializer(Class<T> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        accessors = accessorArray(components.length);
        codecs = new Codec[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            for (int i = 0; i < components.length; i++) {
                accessors[i] = accessor(lookup, type, components[i].getAccessor());
                codecs[i] = codec(components[i].getGenericType(), type.getSimpleName() + "." + components[i].getName());
                types[i] = components[i].getType();
            }
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            canonical = lookup.unreflectConstructor(constructor).asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | LambdaConversionException e) {
            throw new IllegalStateException("a record always has its accessors and canonical constructor", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object>[] accessorArray(int n) {
        return (Function<Object, Object>[]) new Function<?, ?>[n];
    }

    /** The record's accessor as a function of its own generated class, boxing a primitive component. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(MethodHandles.Lookup lookup, Class<?> type, Method accessor)
            throws ReflectiveOperationException, LambdaConversionException {
        MethodHandle handle = lookup.unreflect(accessor);
        Class<?> returned = accessor.getReturnType();
        Class<?> boxed = returned.isPrimitive() ? MethodType.methodType(returned).wrap().returnType() : returned;
        CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                MethodType.methodType(Object.class, Object.class), handle, MethodType.methodType(boxed, type));
        try {
            return (Function<Object, Object>) site.getTarget().invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a lambda factory only returns its function", e);
        }
    }

    /** The fields' names and types, nested records included: what a savepoint must find unchanged. */
    static String layout(Class<?> type) {
        StringBuilder sb = new StringBuilder(type.getName()).append('(');
        for (RecordComponent c : type.getRecordComponents()) {
            sb.append(c.getName()).append(':');
            sb.append(c.getType().isRecord() ? layout(c.getType()) : c.getGenericType().getTypeName()).append(';');
        }
        return sb.append(')').toString();
    }

    @Override
    public void serialize(T record, DataOutputView out) throws IOException {
        for (int i = 0; i < codecs.length; i++) {
            codecs[i].write(accessors[i].apply(record), out);
        }
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            values[i] = codecs[i].read(in);
        }
        try {
            @SuppressWarnings("unchecked") // the canonical constructor of type
            T record = (T) (Object) canonical.invokeExact(values);
            return record;
        } catch (Error e) {
            throw e;
        } catch (Throwable e) { // a compact constructor that refuses the values read
            throw new IOException("cannot rebuild a " + type.getSimpleName(), e);
        }
    }

    @Override
    public T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireRecordSerializer<?> other && other.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new WireRecordSnapshot<>(type);
    }

    /** The reflective parts are not serializable: a copy shipped to a task is rebuilt from the type. */
    private Object readResolve() {
        return of(type);
    }

    private interface Codec {
        void write(Object value, DataOutputView out) throws IOException;

        Object read(DataInputView in) throws IOException;
    }

    private static Codec codec(Type generic, String field) {
        if (generic instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class) {
            return new Codec() {
                @Override
                public void write(Object value, DataOutputView out) throws IOException {
                    List<?> list = (List<?>) value;
                    out.writeInt(list == null ? -1 : list.size());
                    if (list != null) {
                        for (Object s : list) {
                            WireFields.writeString((String) s, out);
                        }
                    }
                }

                @Override
                public Object read(DataInputView in) throws IOException {
                    int n = in.readInt();
                    if (n < 0) {
                        return null;
                    }
                    List<String> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(WireFields.readString(in));
                    }
                    return List.copyOf(list);
                }
            };
        }
        if (!(generic instanceof Class<?> c)) {
            throw new IllegalArgumentException(field + ": no wire form for " + generic.getTypeName());
        }
        if (c == String.class) {
            return codec(WireFields::writeString, WireFields::readString);
        }
        if (c == Instant.class) {
            return codec(WireFields::writeInstant, WireFields::readInstant);
        }
        if (c.isEnum()) {
            Object[] values = c.getEnumConstants();
            return codec((Object v, DataOutputView out) -> WireFields.writeEnum((Enum<?>) v, out), in -> {
                int b = in.readUnsignedByte();
                return b == 0 ? null : values[b - 1];
            });
        }
        if (c == int.class) {
            return codec((Integer v, DataOutputView out) -> out.writeInt(v), DataInputView::readInt);
        }
        if (c == long.class) {
            return codec((Long v, DataOutputView out) -> out.writeLong(v), DataInputView::readLong);
        }
        if (c == double.class) {
            return codec((Double v, DataOutputView out) -> out.writeDouble(v), DataInputView::readDouble);
        }
        if (c == boolean.class) {
            return codec((Boolean v, DataOutputView out) -> out.writeBoolean(v), DataInputView::readBoolean);
        }
        if (c == Integer.class) {
            return codec(WireFields::writeInteger, WireFields::readInteger);
        }
        if (c == Boolean.class) {
            return codec(WireFields::writeBoolean, WireFields::readBoolean);
        }
        if (c == Long.class) {
            return nullable(codec((Long v, DataOutputView out) -> out.writeLong(v), DataInputView::readLong));
        }
        if (c.isRecord() && c.isAnnotationPresent(org.apache.flink.api.common.typeinfo.TypeInfo.class)) {
            return nullable(serializerCodec(TypeExtractor.createTypeInfo(c).createSerializer(new SerializerConfigImpl())));
        }
        throw new IllegalArgumentException(field + ": no wire form for " + c.getName());
    }

    private interface Writer<V> {
        void write(V value, DataOutputView out) throws IOException;
    }

    private interface Reader<V> {
        V read(DataInputView in) throws IOException;
    }

    @SuppressWarnings("unchecked")
    private static <V> Codec codec(Writer<V> writer, Reader<V> reader) {
        return new Codec() {
            @Override
            public void write(Object value, DataOutputView out) throws IOException {
                writer.write((V) value, out);
            }

            @Override
            public Object read(DataInputView in) throws IOException {
                return reader.read(in);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Codec serializerCodec(TypeSerializer<?> serializer) {
        TypeSerializer<Object> s = (TypeSerializer<Object>) serializer;
        return codec(s::serialize, s::deserialize);
    }

    /** A presence byte before a value whose own form has no null. */
    private static Codec nullable(Codec inner) {
        return new Codec() {
            @Override
            public void write(Object value, DataOutputView out) throws IOException {
                out.writeBoolean(value != null);
                if (value != null) {
                    inner.write(value, out);
                }
            }

            @Override
            public Object read(DataInputView in) throws IOException {
                return in.readBoolean() ? inner.read(in) : null;
            }
        };
    }
}
