package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Alert;

/** Two runs' alerts compared as a user sees them: the same ids with the same contents, but the emit time. */
final class SameAlerts {

    private SameAlerts() {}

    static Map<String, Alert> byId(List<Alert> alerts) {
        return alerts.stream().map(a -> a.withEmittedAt(null))
                .collect(Collectors.toMap(Alert::alertId, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** The same alert ids with the same contents (but the emit time), naming what is missing, extra or different. */
    static void assertSame(List<Alert> expected, List<Alert> actual, String what) {
        Map<String, Alert> want = byId(expected);
        Map<String, Alert> got = byId(actual);
        List<String> differences = new ArrayList<>();
        want.forEach((id, a) -> {
            if (!got.containsKey(id)) {
                differences.add("missing " + describe(a));
            } else if (!got.get(id).equals(a)) {
                differences.add("different " + describe(a) + ": " + fieldsThatDiffer(a, got.get(id)));
            }
        });
        got.forEach((id, a) -> {
            if (!want.containsKey(id)) {
                differences.add("unexpected " + describe(a));
            }
        });
        differences.sort(Comparator.naturalOrder());
        assertEquals(List.of(), differences, what);
    }

    private static String fieldsThatDiffer(Alert want, Alert got) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : Alert.class.getRecordComponents()) {
            try {
                Object w = c.getAccessor().invoke(want);
                Object g = c.getAccessor().invoke(got);
                if (!Objects.equals(w, g)) {
                    fields.add(c.getName() + " " + w + " but " + g);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("; ", fields);
    }

    private static String describe(Alert a) {
        return a.ruleId() + " " + a.level() + " " + a.subjectKey() + " at " + a.eventTime() + " (" + a.ruleSetVersion() + ")";
    }
}
