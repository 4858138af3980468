package org.gridwarden.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridwarden.rules.model.Alert;

/**
 * What a bounded run did: what it read, its alerts, and the balance of every input record that reached the
 * rules (in = processed + dead-lettered + duplicates).
 *
 * @param alerts the alerts written: in the emission window, none after the horizon
 * @param alertsAfterHorizon raised at end of input for a time after the horizon: not happened yet
 * @param alertsOutsideWindow true by the horizon but outside the emission window (mostly during the warm-up)
 */
public record ReplaySummary(
        List<String> rules,
        List<Alert> alerts,
        long deadLetterCount,
        long in,
        long processed,
        long invalid,
        long late,
        long conflicting,
        long duplicates,
        Instant horizon,
        long alertsAfterHorizon,
        Reading reading,
        long alertsOutsideWindow,
        Duration took) {

    /**
     * What was read for the emission window.
     *
     * @param readFrom the first event time given to the rules, null for all history
     * @param days the days read of a day archive, empty when the input is not one
     * @param records lines read from the files, also those outside {@code [readFrom, emitTo)}
     * @param emptyDays days of the archive read whose files hold no record
     */
    public record Reading(EmissionWindow window, Instant readFrom, List<LocalDate> days, long records, ZoneId zone,
            List<LocalDate> emptyDays) {

        void print(PrintStream out) {
            if (!days.isEmpty()) {
                out.printf("Read %s of the archive, %s to %s%n", Plural.of(days.size(), "day"), days.get(0),
                        days.get(days.size() - 1));
            }
            if (window.emitFrom() != null) {
                out.printf("Warm-up from %s, %s before --emit-from %s%n", local(readFrom),
                        Plural.of(Duration.between(readFrom, window.emitFrom()).toDays(), "day"),
                        local(window.emitFrom()));
            }
        }

        /** The emission window as the district reads it, e.g. [2026-12-17T00:00+08:00, 2026-12-18T00:00+08:00). */
        String describeWindow() {
            return "[" + (window.emitFrom() == null ? "the first event" : local(window.emitFrom())) + ", "
                    + (window.emitTo() == null ? "the horizon" : local(window.emitTo())) + ")";
        }

        String local(Instant t) {
            return t.equals(Instant.MIN) ? "none (no event)" : OffsetDateTime.ofInstant(t, zone).toString();
        }
    }

    public long deadLettered() {
        return invalid + late + conflicting;
    }

    public boolean balances() {
        return in == processed + deadLettered() + duplicates && deadLetterCount == deadLettered();
    }

    /** Records read per second of wall time, warm-up included. */
    public double eventsPerSecond() {
        return reading.records() / Math.max(0.001, took.toMillis() / 1000.0);
    }

    /** Alerts per rule, every rule that ran listed, with zero where it raised nothing. */
    public Map<String, Long> alertsByRule() {
        Map<String, Long> byRule = new TreeMap<>();
        rules.forEach(r -> byRule.put(r, 0L));
        alerts.forEach(a -> byRule.merge(a.ruleId(), 1L, Long::sum));
        return byRule;
    }

    /**
     * Why this run's input looks incomplete: no record at all, no record in the window, or days of the archive
     * whose files are empty. Missing input must never read as a quiet day; empty when nothing is amiss.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (reading.records() == 0) {
            warnings.add("the input holds no records: nothing was replayed, so this is no evidence of a quiet day");
        } else if (in == 0) {
            warnings.add("none of the " + Plural.of(reading.records(), "record") + " read falls in the window read ["
                    + (reading.readFrom() == null ? "the first event" : reading.local(reading.readFrom())) + ", "
                    + (reading.window().emitTo() == null ? "the horizon" : reading.local(reading.window().emitTo()))
                    + "): nothing was replayed");
        }
        for (LocalDate day : reading.emptyDays()) {
            warnings.add(day + ": the day's files hold no records; missing input, not a day without events");
        }
        return warnings;
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
        if (reading.window().equals(EmissionWindow.ALL)) {
            out.printf("  total alerts: %d (horizon %s; %s not raised)%n", alerts.size(),
                    reading.local(horizon), Plural.of(alertsAfterHorizon, "later alert"));
        } else {
            out.printf("  total alerts: %d in the emission window %s (horizon %s; %d outside the emission window;"
                    + " %s not raised)%n", alerts.size(), reading.describeWindow(), reading.local(horizon),
                    alertsOutsideWindow, Plural.of(alertsAfterHorizon, "later alert"));
        }
        reading.print(out);
        out.printf("Records: in %d = processed %d + dead-lettered %d (invalid %d, late %d, conflicting %d)"
                + " + duplicates %d  %s%n", in, processed, deadLettered(), invalid, late, conflicting, duplicates, balances() ? "[balanced]" : "[DOES NOT BALANCE]");
        if (reading.records() > in) {
            out.printf("  and %s read from before the warm-up or from --emit-to on, not replayed%n",
                    Plural.of(reading.records() - in, "record"));
        }
        out.printf("Took %.1f s, %.0f records/s%n", took.toMillis() / 1000.0, eventsPerSecond());
        warnings().forEach(w -> out.println("WARNING: " + w));
    }
}
