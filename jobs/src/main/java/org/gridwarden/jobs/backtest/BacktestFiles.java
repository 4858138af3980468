package org.gridwarden.jobs.backtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.connectors.codec.AlertCodec;

/**
 * The alerts a supervisor inspects after a backtest, one JSON object a line, by event time: those only the
 * candidate raised, those only the baseline raised, and those both raised differently (both versions and the
 * fields that differ). All three are written every time, empty when there is nothing, so no file of an earlier
 * run is left to mislead.
 */
public final class BacktestFiles {

    public static final String ONLY_CANDIDATE = "only-candidate.jsonl";
    public static final String ONLY_BASELINE = "only-baseline.jsonl";
    public static final String CHANGED = "changed.jsonl";

    private BacktestFiles() {}

    public static void write(Path outDir, BacktestComparison comparison) throws IOException {
        Files.createDirectories(outDir);
        writeLines(outDir.resolve(ONLY_CANDIDATE), comparison.onlyCandidate());
        writeLines(outDir.resolve(ONLY_BASELINE), comparison.onlyBaseline());
        writeLines(outDir.resolve(CHANGED), comparison.changed());
    }

    private static void writeLines(Path file, List<?> values) throws IOException {
        AlertCodec codec = new AlertCodec();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object value : values) {
                w.write(codec.toJson(value));
                w.newLine();
            }
        }
    }
}
