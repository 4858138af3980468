package org.gridwarden.rules.model.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A record's id as a fixed-length 128-bit key, for the keyed operators that every record or every ledger event
 * passes (the duplicate check, the operator keyed by case). A BATCH run sorts each keyed input: a fixed-length
 * key is compared on its normalized bytes, a string key by deserializing and comparing strings record against
 * record, which was the largest single cost of a replay's profile.
 *
 * <p>The key is the first 128 bits of the id's SHA-256 digest; two ids share a key with a chance of about
 * 10<sup>-21</sup> in a billion ids. The operators take every id they report from the record, never from the
 * key.
 *
 * @param <T> the record keyed
 */
public final class IdKey<T> implements KeySelector<T, Tuple2<Long, Long>>, ResultTypeQueryable<Tuple2<Long, Long>> {

    public static final TypeInformation<Tuple2<Long, Long>> TYPE = Types.TUPLE(Types.LONG, Types.LONG);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private final SerializableFunction<T, String> id;

    private IdKey(SerializableFunction<T, String> id) {
        this.id = id;
    }

    /** Keys records by the 128-bit key of {@code id}. */
    public static <T> IdKey<T> by(SerializableFunction<T, String> id) {
        return new IdKey<>(id);
    }

    public static Tuple2<Long, Long> of(String id) {
        ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(id.getBytes(StandardCharsets.UTF_8)));
        return Tuple2.of(digest.getLong(), digest.getLong());
    }

    @Override
    public Tuple2<Long, Long> getKey(T record) {
        return of(id.apply(record));
    }

    @Override
    public TypeInformation<Tuple2<Long, Long>> getProducedType() {
        return TYPE;
    }
}
