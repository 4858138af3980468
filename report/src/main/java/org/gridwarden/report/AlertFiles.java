package org.gridwarden.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;

/**
 * The alerts of one or more replay outputs: {@code DIR/alerts/all.jsonl} (a replay's {@code --out}) or
 * {@code DIR/all.jsonl} (its alerts directory). Several directories, e.g. the outputs of consecutive nightly
 * replays, are read as one set; an alert in two of them (overlapping windows) counts once, by its id.
 */
public final class AlertFiles {

    private AlertFiles() {}

    /** The file of all alerts in a replay output or alerts directory. */
    public static Path allAlertsFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        for (Path candidate : List.of(dir.resolve("alerts").resolve("all.jsonl"), dir.resolve("all.jsonl"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no alert file in " + dir + ": expected " + dir.resolve("alerts/all.jsonl")
                + " (a replay's output directory) or " + dir.resolve("all.jsonl") + " (its alerts directory)");
    }

    public static List<Alert> read(List<Path> dirs) {
        Map<String, Alert> byId = new LinkedHashMap<>();
        AlertCodec codec = new AlertCodec();
        for (Path dir : dirs) {
            Path file = allAlertsFile(dir);
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                long lineNumber = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        Alert alert = decode(codec, line, file, lineNumber);
                        byId.putIfAbsent(alert.alertId(), alert);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Alert decode(AlertCodec codec, String line, Path file, long lineNumber) {
        Alert alert;
        try {
            alert = codec.decodeAlert(line);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": not an alert: "
                    + e.getCause().getMessage().lines().findFirst().orElse(""));
        }
        if (alert.alertId() == null || alert.ruleId() == null || alert.level() == null || alert.eventTime() == null) {
            throw new IllegalArgumentException(file + ":" + lineNumber
                    + ": not an alert: alertId, ruleId, level and eventTime are required");
        }
        return alert;
    }
}
