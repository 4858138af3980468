package org.gridwarden.jobs.backtest;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * What the candidate rule sets change against the baseline (规则调整影响): alerts per rule, level and department
 * on each side with the difference, and the alerts raised by one side only or by both with different content.
 *
 * <p>Alerts are matched by {@code alertId}, which names what an alert is about and when it became true, not the
 * rule set that raised it. Their content is compared without the rule-set version, which on each side names
 * that side's own rule set, and without the emit time.
 *
 * @param rules every rule that ran on either side, whether it raised anything or not
 * @param rows alert counts, rules that differ first, then by rule, level and department
 */
public record BacktestComparison(
        List<String> rules,
        List<Row> rows,
        List<Alert> onlyBaseline,
        List<Alert> onlyCandidate,
        List<ChangedAlert> changed) {

    /** Fields that differ between the sides by construction, never by what the rules decided. */
    private static final Set<String> NOT_COMPARED = Set.of("ruleSetVersion", "emittedAt");
    private static final List<RecordComponent> COMPARED = Arrays.stream(Alert.class.getRecordComponents())
            .filter(c -> !NOT_COMPARED.contains(c.getName())).toList();
    private static final Comparator<Alert> FILE_ORDER =
            Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId);

    /** The alerts of one rule, level and department on each side. */
    public record Row(String ruleId, AlertLevel level, String department, String departmentName, long baseline,
            long candidate) {

        public long delta() {
            return candidate - baseline;
        }
    }

    /** An alert both sides raised, with the fields whose values differ. */
    public record ChangedAlert(String alertId, List<String> fields, Alert baseline, Alert candidate) {}

    public static BacktestComparison of(BacktestRun run) {
        Set<String> rules = new TreeSet<>(run.baselineRules());
        rules.addAll(run.candidateRules());
        return of(List.copyOf(rules), run.baseline(), run.candidate());
    }

    public static BacktestComparison of(List<String> rules, List<Alert> baseline, List<Alert> candidate) {
        Map<String, Alert> baselineById = byId(baseline);
        Map<String, Alert> candidateById = byId(candidate);
        List<Alert> onlyBaseline = baselineById.values().stream()
                .filter(a -> !candidateById.containsKey(a.alertId())).sorted(FILE_ORDER).toList();
        List<Alert> onlyCandidate = candidateById.values().stream()
                .filter(a -> !baselineById.containsKey(a.alertId())).sorted(FILE_ORDER).toList();
        List<ChangedAlert> changed = new ArrayList<>();
        baselineById.values().stream().sorted(FILE_ORDER).forEach(b -> {
            Alert c = candidateById.get(b.alertId());
            List<String> fields = c == null ? List.of() : differingFields(b, c);
            if (!fields.isEmpty()) {
                changed.add(new ChangedAlert(b.alertId(), fields, b, c));
            }
        });

        Set<String> differing = new TreeSet<>();
        onlyBaseline.forEach(a -> differing.add(a.ruleId()));
        onlyCandidate.forEach(a -> differing.add(a.ruleId()));
        changed.forEach(c -> differing.add(c.baseline().ruleId()));
        List<Row> rows = rows(baseline, candidate);
        rows.stream().filter(r -> r.delta() != 0).forEach(r -> differing.add(r.ruleId()));
        Comparator<String> ruleOrder = Comparator.<String, Boolean>comparing(r -> !differing.contains(r))
                .thenComparing(Function.identity());
        Set<String> allRules = new TreeSet<>(rules);
        rows.forEach(r -> allRules.add(r.ruleId()));
        List<String> orderedRules = allRules.stream().sorted(ruleOrder).toList();
        List<Row> orderedRows = rows.stream().sorted(Comparator.comparing(Row::ruleId, ruleOrder)
                        .thenComparing(Row::level)
                        .thenComparing(Row::department, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new BacktestComparison(orderedRules, orderedRows, onlyBaseline, onlyCandidate, List.copyOf(changed));
    }

    /** The rows of one rule. */
    public List<Row> rows(String ruleId) {
        return rows.stream().filter(r -> r.ruleId().equals(ruleId)).toList();
    }

    public long baselineTotal() {
        return rows.stream().mapToLong(Row::baseline).sum();
    }

    public long candidateTotal() {
        return rows.stream().mapToLong(Row::candidate).sum();
    }

    /** Alerts per rule, for a one-line account of a list of alerts. */
    public static Map<String, Long> countByRule(List<Alert> alerts) {
        return alerts.stream().collect(Collectors.groupingBy(Alert::ruleId, TreeMap::new, Collectors.counting()));
    }

    /**
     * The table: a line per rule with its totals, under it a line per level and department (the department's
     * name last, so that wide characters do not shift the columns), and the overall totals.
     */
    public void print(PrintWriter out) {
        print(out, false);
    }

    /**
     * The table; with {@code changesOnly} only the level and department lines with a difference, under the
     * lines of their rules, and the totals.
     */
    public void print(PrintWriter out, boolean changesOnly) {
        String format = "%-42s %9s %9s %7s%s%n";
        out.printf(format, "rule / level / department", "baseline", "candidate", "Δ", "");
        for (String rule : rules) {
            List<Row> ruleRows = rows(rule).stream().filter(r -> !changesOnly || r.delta() != 0).toList();
            if (changesOnly && ruleRows.isEmpty()) {
                continue;
            }
            List<Row> all = rows(rule);
            long b = all.stream().mapToLong(Row::baseline).sum();
            long c = all.stream().mapToLong(Row::candidate).sum();
            out.printf(format, rule, b, c, signed(c - b), "");
            for (Row r : ruleRows) {
                out.printf(format, String.format("  %-10s %s", r.level(), r.department()), r.baseline(),
                        r.candidate(), signed(r.delta()), "  " + r.departmentName());
            }
        }
        out.printf(format, "total", baselineTotal(), candidateTotal(), signed(candidateTotal() - baselineTotal()),
                "");
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    private record Key(String ruleId, AlertLevel level, String department) {}

    private static List<Row> rows(List<Alert> baseline, List<Alert> candidate) {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<Key, String> names = new LinkedHashMap<>();
        for (List<Alert> side : List.of(baseline, candidate)) {
            int column = side == baseline ? 0 : 1;
            for (Alert a : side) {
                Key key = new Key(a.ruleId(), a.level(), a.department());
                counts.computeIfAbsent(key, k -> new long[2])[column]++;
                names.putIfAbsent(key, a.departmentName());
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(
                new Row(key.ruleId(), key.level(), key.department(), names.get(key), n[0], n[1])));
        return rows;
    }

    private static Map<String, Alert> byId(List<Alert> alerts) {
        Map<String, Alert> byId = new LinkedHashMap<>();
        alerts.forEach(a -> byId.putIfAbsent(a.alertId(), a));
        return byId;
    }

    private static List<String> differingFields(Alert baseline, Alert candidate) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent field : COMPARED) {
            if (!Objects.equals(value(field, baseline), value(field, candidate))) {
                fields.add(field.getName());
            }
        }
        return fields;
    }

    private static Object value(RecordComponent field, Alert alert) {
        try {
            return field.getAccessor().invoke(alert);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of an alert", e);
        }
    }
}
