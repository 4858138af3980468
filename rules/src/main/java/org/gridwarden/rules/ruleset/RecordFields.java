package org.gridwarden.rules.ruleset;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a parameter record one by one, by JSON pointer ({@code /timeLimits/STANDARD/NORMAL}), in the
 * order the record declares them: what the validator checks period by period and the diff compares.
 */
final class RecordFields {

    private RecordFields() {}

    static Map<String, Object> leaves(Object parameters) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        add("", parameters, leaves);
        return leaves;
    }

    private static void add(String pointer, Object value, Map<String, Object> leaves) {
        if (value instanceof Record r && !(value instanceof TimeSpan)) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                add(Finding.child(pointer, c.getName()), read(c, r), leaves);
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> add(Finding.child(pointer, k), v, leaves));
        } else {
            leaves.put(pointer, value);
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
        }
    }

    /** {@code /timeLimits/STANDARD/NORMAL} as a supervisor reads it: {@code timeLimits.STANDARD.NORMAL}. */
    static String dotted(String pointer) {
        return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }
}
