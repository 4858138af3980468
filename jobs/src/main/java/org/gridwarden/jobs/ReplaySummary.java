package org.gridwarden.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridwarden.rules.model.Alert;

/**
 * What a bounded run did: its alerts, and the balance of every input record
 * (in = processed + dead-lettered + duplicates).
 */
public record ReplaySummary(
        List<String> rules,
        List<Alert> alerts,
        long deadLetterCount,
        long in,
        long processed,
        long invalid,
        long late,
        long duplicates,
        Instant horizon,
        long alertsAfterHorizon,
        Duration took) {

    public long deadLettered() {
        return invalid + late;
    }

    public boolean balances() {
        return in == processed + deadLettered() + duplicates && deadLetterCount == deadLettered();
    }

    public double eventsPerSecond() {
        return in / Math.max(0.001, took.toMillis() / 1000.0);
    }

    /** Alerts per rule, every rule that ran listed, with zero where it raised nothing. */
    public Map<String, Long> alertsByRule() {
        Map<String, Long> byRule = new TreeMap<>();
        rules.forEach(r -> byRule.put(r, 0L));
        alerts.forEach(a -> byRule.merge(a.ruleId(), 1L, Long::sum));
        return byRule;
    }

    public void print(PrintStream out) {
        out.println();
        out.println("Alerts by rule:");
        alertsByRule().forEach((rule, n) -> out.printf("  %-28s %d%n", rule, n));
        out.println("Alerts by department, rule and level:");
        Map<String, Map<String, Long>> table = new TreeMap<>();
        for (Alert a : alerts) {
            table.computeIfAbsent(a.department() + " " + a.departmentName(), k -> new TreeMap<>())
                    .merge(a.ruleId() + "/" + a.level(), 1L, Long::sum);
        }
        table.forEach((dept, counts) -> {
            out.printf("  %-40s", dept);
            counts.forEach((rule, n) -> out.printf("  %s=%d", rule, n));
            out.println();
        });
        out.printf("  total alerts: %d (horizon %s; %d later alerts not raised)%n", alerts.size(), horizon,
                alertsAfterHorizon);
        out.printf("Records: in %d = processed %d + dead-lettered %d (invalid %d, late %d) + duplicates %d  %s%n",
                in, processed, deadLettered(), invalid, late, duplicates, balances() ? "[balanced]" : "[DOES NOT BALANCE]");
        out.printf("Took %.1f s, %.0f events/s%n", took.toMillis() / 1000.0, eventsPerSecond());
    }
}
