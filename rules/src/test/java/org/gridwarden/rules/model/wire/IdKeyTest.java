package org.gridwarden.rules.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.java.tuple.Tuple2;
import org.junit.jupiter.api.Test;

/** The key of the operators every record passes: fixed length, the same for the same id, distinct otherwise. */
class IdKeyTest {

    @Test
    void theKeyIsSixteenBytes_soABatchRunSortsItOnNormalizedBytes() {
        assertEquals(16, IdKey.TYPE.createSerializer(new SerializerConfigImpl()).getLength());
    }

    @Test
    void theSameIdGivesTheSameKey_andDistinctIdsDistinctKeys() {
        assertEquals(IdKey.of("C20261102-44139"), IdKey.by((String s) -> s).getKey("C20261102-44139"));
        assertNotEquals(IdKey.of("C20261102-44139"), IdKey.of("C20261102-44138"));
        Set<Tuple2<Long, Long>> keys = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            keys.add(IdKey.of("L|C20261102-" + i + "-01"));
        }
        assertEquals(200_000, keys.size());
    }
}
