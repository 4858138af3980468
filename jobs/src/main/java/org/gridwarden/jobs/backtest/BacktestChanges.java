package org.gridwarden.jobs.backtest;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * The alerts a candidate changes, one line each: added, removed, changed in content, or moved in time. An alert
 * of the same rule, subject and level that both sides raise at different times has a different id on each side
 * (the id names when it became true); it is one moved alert, not one removed and one added.
 *
 * @param moved alerts both sides raise, at different times, in baseline time order
 * @param removed alerts of the baseline only, moved ones left out
 * @param added alerts of the candidate only, moved ones left out
 */
public record BacktestChanges(List<Moved> moved, List<Alert> removed, List<Alert> added,
        List<BacktestComparison.ChangedAlert> changed) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The same rule, subject and level on both sides, raised at another time. */
    public record Moved(Alert baseline, Alert candidate) {}

    private record Subject(String ruleId, String subjectKey, AlertLevel level) {
        static Subject of(Alert a) {
            return new Subject(a.ruleId(), a.subjectKey(), a.level());
        }
    }

    /** Pairs the one-sided alerts of each rule, subject and level in time order: the first with the first, … */
    public static BacktestChanges of(BacktestComparison comparison) {
        Map<Subject, List<Alert>> added = new LinkedHashMap<>();
        comparison.onlyCandidate().forEach(a -> added.computeIfAbsent(Subject.of(a), k -> new ArrayList<>()).add(a));
        List<Moved> moved = new ArrayList<>();
        List<Alert> removed = new ArrayList<>();
        for (Alert b : comparison.onlyBaseline()) { // both lists are in time order
            List<Alert> candidates = added.get(Subject.of(b));
            if (candidates != null && !candidates.isEmpty()) {
                moved.add(new Moved(b, candidates.remove(0)));
            } else {
                removed.add(b);
            }
        }
        List<Alert> addedLeft = added.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId)).toList();
        return new BacktestChanges(List.copyOf(moved), List.copyOf(removed), addedLeft, comparison.changed());
    }

    /**
     * E.g. {@code moved    REPEAT_COMPLAINT  WARNING  complainant:P1|noise  2026-11-17 09:00 → 2026-11-18 10:00},
     * in the district's time; nothing but a line saying so when no alert differs.
     */
    public void print(PrintWriter out, ZoneId zone) {
        int total = moved.size() + removed.size() + added.size() + changed.size();
        if (total == 0) {
            out.println("No alert differs.");
            return;
        }
        out.printf("Alerts that differ: %d (%d moved, %d removed, %d added, %d changed)%n", total, moved.size(),
                removed.size(), added.size(), changed.size());
        String format = "  %-8s %-28s %-10s %-40s %s%n";
        for (Moved m : moved) {
            out.printf(format, "moved", m.baseline().ruleId(), m.baseline().level(), subject(m.baseline()),
                    time(m.baseline().eventTime(), zone) + " → " + time(m.candidate().eventTime(), zone));
        }
        for (Alert a : removed) {
            out.printf(format, "removed", a.ruleId(), a.level(), subject(a), time(a.eventTime(), zone));
        }
        for (Alert a : added) {
            out.printf(format, "added", a.ruleId(), a.level(), subject(a), time(a.eventTime(), zone));
        }
        for (BacktestComparison.ChangedAlert c : changed) {
            out.printf(format, "changed", c.baseline().ruleId(), c.baseline().level(), subject(c.baseline()),
                    time(c.baseline().eventTime(), zone) + " (" + String.join(", ", c.fields()) + ")");
        }
    }

    /** The subject key carries only pseudonyms and place ids (the input was pseudonymised before the rules). */
    private static String subject(Alert a) {
        return a.subjectKey() == null ? "-" : a.subjectKey();
    }

    private static String time(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
