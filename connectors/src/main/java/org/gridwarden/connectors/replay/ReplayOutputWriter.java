package org.gridwarden.connectors.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.risk.GridRisk;

/**
 * Writes a bounded run's outputs as files: {@code alerts/<department>.jsonl} (the file twin of the
 * department's topic), {@code alerts/all.jsonl}, {@code dlq.jsonl} and {@code risk/grids.jsonl} (the file twin of
 * the risk topic). Lines are sorted (alerts and risk indices by event time and id, dead letters by origin) so two
 * runs over the same input give files that differ only in emit times.
 */
public final class ReplayOutputWriter {

    private static final Comparator<Alert> ALERT_ORDER =
            Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId);
    private static final Comparator<DeadLetter> DEAD_LETTER_ORDER = Comparator.comparing(DeadLetter::source)
            .thenComparing(d -> d.line() == null ? -1L : d.line())
            .thenComparing(d -> d.offset() == null ? -1L : d.offset());

    private final AlertCodec codec = new AlertCodec();
    private final Clock clock;

    public ReplayOutputWriter(Clock clock) {
        this.clock = clock;
    }

    public void write(Path outDir, List<Alert> alerts, List<DeadLetter> deadLetters, List<GridRisk> risk)
            throws IOException {
        write(outDir, alerts, deadLetters);
        Path riskDir = outDir.resolve("risk");
        Files.createDirectories(riskDir);
        List<GridRisk> sorted = new ArrayList<>(risk);
        sorted.sort(Comparator.comparing(GridRisk::at).thenComparing(GridRisk::riskId));
        try (BufferedWriter w = Files.newBufferedWriter(riskDir.resolve("grids.jsonl"), StandardCharsets.UTF_8)) {
            for (GridRisk r : sorted) {
                w.write(codec.toJson(r));
                w.newLine();
            }
        }
    }

    public void write(Path outDir, List<Alert> alerts, List<DeadLetter> deadLetters) throws IOException {
        Path alertDir = outDir.resolve("alerts");
        Files.createDirectories(alertDir);
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(ALERT_ORDER);
        Map<String, List<Alert>> byDepartment = new TreeMap<>();
        for (Alert a : sorted) {
            byDepartment.computeIfAbsent(a.department(), d -> new ArrayList<>()).add(a);
        }
        writeAlerts(alertDir.resolve("all.jsonl"), sorted);
        for (Map.Entry<String, List<Alert>> e : byDepartment.entrySet()) {
            writeAlerts(alertDir.resolve(e.getKey() + ".jsonl"), e.getValue());
        }
        List<DeadLetter> dlq = new ArrayList<>(deadLetters);
        dlq.sort(DEAD_LETTER_ORDER);
        try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve("dlq.jsonl"), StandardCharsets.UTF_8)) {
            for (DeadLetter d : dlq) {
                w.write(codec.toJson(d));
                w.newLine();
            }
        }
    }

    private void writeAlerts(Path file, List<Alert> alerts) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Alert a : alerts) {
                w.write(codec.toJson(a.withEmittedAt(clock.instant())));
                w.newLine();
            }
        }
    }
}
