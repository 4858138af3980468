package org.gridwarden.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What a day archive ({@code DIR/YYYY-MM-DD/}) holds for the report day: its input files and their records
 * (non-blank lines). A day whose files are all empty replays as a day on which nobody reported anything, so
 * every grid turns silent: the report must say the day's data is missing rather than show it as a quiet day.
 */
public record DayInput(LocalDate day, int files, long records) {

    /** The report day's directory of a day archive; empty when {@code input} is no archive or has no such day. */
    public static Optional<DayInput> ofArchive(Path input, LocalDate day) {
        if (input == null) {
            return Optional.empty();
        }
        Path dir = input.resolve(day.toString());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> files = children.filter(Files::isRegularFile).filter(DayInput::isInputFile).sorted().toList();
            long records = 0;
            for (Path file : files) {
                records += records(file);
            }
            return Optional.of(new DayInput(day, files.size(), records));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean isInputFile(Path file) {
        String name = file.getFileName().toString();
        return (name.startsWith("grid-reports") || name.startsWith("ledger-events"))
                && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
    }

    private static long records(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().filter(l -> !l.isBlank()).count();
        }
    }
}
