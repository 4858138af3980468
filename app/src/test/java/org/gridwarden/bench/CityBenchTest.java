package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.gridwarden.app.cli.CliRun;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark command end to end on a small city: its results file states what it measured, on what input. */
class CityBenchTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(new StringWriter(), err, (Object[]) args);
    }

    @Test
    void writesTheResultsFile_withReplayAndBaselinesOverTheSameLines() throws Exception {
        Path work = dir.resolve("work");
        Path results = dir.resolve("results");
        assertEquals(0, run("bench", "--city", "sample", "--days", "2", "--parallelism", "1", "--baseline-runs", "1",
                "--latency-seconds", "0", "--state-scale", "0", "--work", work.toString(), "--results",
                results.toString(), "--reference", Fixtures.sampleData().resolve("reference").toString(), "--rules",
                Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString()), err.toString());

        Path input = work.resolve("sample-2d-seed7");
        long lines = 0;
        for (Path f : BenchInput.files(input)) {
            try (Stream<String> l = Files.lines(f)) {
                lines += l.count();
            }
        }
        assertTrue(lines > 1_000, "two days of the sample district: " + lines);
        // the run names its file after the day it started: found by listing, so a run across midnight passes
        List<Path> written;
        try (Stream<Path> files = Files.list(results)) {
            written = files.toList();
        }
        assertEquals(1, written.size(), "one results file: " + written);
        LocalDate.parse(written.get(0).getFileName().toString().replaceFirst("\\.md$", ""));
        String md = Files.readString(written.get(0));
        String count = String.format("%,d", lines);
        assertTrue(md.contains("| I/O floor | 1 | " + count + " |"), md);
        assertTrue(md.contains("| parse floor | 1 | " + count + " |"), md);
        assertTrue(md.contains("| HashMap detector | 1 | " + count + " |"), md);
        assertTrue(md.contains("| parse floor, tree decoding | 1 | " + count + " |"), md);
        assertTrue(md.contains("| gridwarden replay (BATCH, all rules) | parallelism 1 | " + count + " |"), md);
        assertTrue(md.contains("| gridwarden replay (BATCH, overdue + repeat-complaint) | parallelism 1 | " + count
                + " |"), md);
        assertTrue(md.contains("| replay per CPU-second, all rules | ≥ 50,000 events per CPU-s |"), md);
        assertTrue(md.contains("| overdue + repeat-complaint only, per CPU-s, against the HashMap detector | ≥ 60 % |"),
                md);
        assertTrue(md.contains("| replay end to end, parallelism 1 | ≥ 250,000 events/s |"), md);
        assertTrue(md.contains("| per-core rate against the single-threaded HashMap detector | ≥ 50 % |"), md);
        assertTrue(md.contains("- **Command:** `bin/gridwarden bench --city sample --days 2 --parallelism 1"), md);
        assertTrue(md.contains("2 generated day(s) of a city of 265 grids, " + count + " lines"), md);
    }

    @Test
    void refusesAWrongArgument() {
        assertEquals(2, run("bench", "--days", "0"));
        assertEquals("gridwarden bench: --days must be at least 1, not 0", err.toString().lines().findFirst().orElse(""));
    }

    @Test
    void refusesACheckpointIntervalOfZero() {
        assertEquals(2, run("bench", "--at-least-once-checkpoint-seconds", "0"));
        assertEquals("gridwarden bench: --checkpoint-millis and --at-least-once-checkpoint-seconds must be at least 1,"
                + " not 1000 and 0", err.toString().lines().findFirst().orElse(""));
    }
}
