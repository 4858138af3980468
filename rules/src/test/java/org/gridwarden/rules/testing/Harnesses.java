package org.gridwarden.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** Assertions shared by the operator-harness tests of every rule family. */
public final class Harnesses {

    private Harnesses() {}

    /** Once an episode is over, a rule keeps no keyed state and no timer for it. */
    public static void assertForgotten(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> harness) {
        assertEquals(0, harness.numKeyedStateEntries(), "keyed state left behind");
        assertNoTimers(harness);
    }

    public static void assertNoTimers(AbstractStreamOperatorTestHarness<?> harness) {
        assertEquals(0, harness.numEventTimeTimers(), "timers left behind");
    }
}
