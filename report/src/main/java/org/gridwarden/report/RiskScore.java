package org.gridwarden.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwarden.rules.model.Alert;

/**
 * 风险分: the sum of the severities of a place's alerts on the report day. Severity is the alert's own
 * {@code severity}, 1 to 4 by level: 警示 2, 超期 3, 预警 3, 升级督办 4, 紧急 4. So a grid with one escalated
 * case and one silent-grid warning scores 4 + 2 = 6. Ties go to the place with more alerts, then by id.
 */
final class RiskScore {

    static final int TOP = 10;

    private RiskScore() {}

    /**
     * The {@value #TOP} places with the highest scores among the day's alerts that name one.
     *
     * @param placeOf the place's id in an alert (grid or street id), null when the alert names none
     * @param describe the place's label and where it lies, from one of its alerts
     */
    static List<RiskRow> top(List<Alert> today, Function<Alert, String> placeOf,
            Function<Alert, Described> describe) {
        Map<String, List<Alert>> byPlace = new LinkedHashMap<>();
        for (Alert a : today) {
            String place = placeOf.apply(a);
            if (place != null) {
                byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(a);
            }
        }
        List<RiskRow> rows = new ArrayList<>();
        byPlace.forEach((place, alerts) -> {
            Described d = describe.apply(alerts.get(0));
            rows.add(new RiskRow(d.label(), d.within(), alerts.size(),
                    alerts.stream().mapToInt(Alert::severity).sum(), byRule(alerts)));
        });
        rows.sort(Comparator.comparingInt(RiskRow::score).reversed()
                .thenComparing(Comparator.comparingInt(RiskRow::alerts).reversed())
                .thenComparing(r -> r.place().key()));
        return List.copyOf(rows.subList(0, Math.min(TOP, rows.size())));
    }

    record Described(Label label, String within) {}

    /** Counts per rule id, the known rules in the report's order, then any other in order of appearance. */
    private static Map<String, Integer> byRule(List<Alert> alerts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        AlertLabels.RULES.forEach(rule -> counts.put(rule.key(), 0));
        alerts.forEach(a -> counts.merge(a.ruleId(), 1, Integer::sum));
        counts.values().removeIf(n -> n == 0);
        return counts;
    }
}
