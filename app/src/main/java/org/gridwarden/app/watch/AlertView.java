package org.gridwarden.app.watch;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * The live view: alerts of the chosen levels, one line each, and a line of counts per department after every
 * {@code countsEvery} alerts shown (plain lines, no cursor movement, so it reads the same in a terminal, a log
 * file or a pipe). Thread-safe: alerts arrive on the Kafka reader's thread.
 */
public final class AlertView {

    private final PrintStream out;
    private final AlertLine line;
    private final Set<AlertLevel> levels;
    private final int countsEvery;
    private final Map<String, Integer> shownByDepartment = new LinkedHashMap<>();
    private int received;
    private int shown;

    /** @param levels the levels to show; empty for all */
    public AlertView(PrintStream out, ZoneId zone, Set<AlertLevel> levels, boolean color, int countsEvery) {
        if (countsEvery < 1) {
            throw new IllegalArgumentException("counts every " + countsEvery + " alerts: must be at least 1");
        }
        this.out = out;
        this.line = new AlertLine(zone, color);
        this.levels = Set.copyOf(levels);
        this.countsEvery = countsEvery;
    }

    public synchronized void accept(Alert alert) {
        received++;
        if (!levels.isEmpty() && !levels.contains(alert.level())) {
            return;
        }
        shown++;
        String department = alert.departmentName() != null ? alert.departmentName() : alert.department();
        shownByDepartment.merge(department, 1, Integer::sum);
        out.println(line.format(alert));
        if (shown % countsEvery == 0) {
            printCounts();
        }
        out.flush();
    }

    /** e.g. {@code ── 5 alerts │ 区应急管理局 2 · 西城街道办事处 2 · 东湖街道办事处 1 ──}, most alerts first. */
    public synchronized void printCounts() {
        String counts = shownByDepartment.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" · "));
        String of = levels.isEmpty() ? "" : " (of " + received + " received)";
        out.println("── " + shown + (shown == 1 ? " alert" : " alerts") + of + (counts.isEmpty() ? "" : " │ " + counts)
                + " ──");
        out.flush();
    }

    /** A line about the watch itself (the broker lost or back), set apart from the alerts. */
    public synchronized void note(String text) {
        out.println("── " + text + " ──");
        out.flush();
    }

    public synchronized int received() {
        return received;
    }

    public synchronized int shown() {
        return shown;
    }
}
