package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty input is never a quiet day: a replay of files without records, or of an archive day whose files are
 * empty, says so in the summary on the console and in summary.txt, and exits 2.
 */
class ReplayMissingInputTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String REFERENCE = Fixtures.sampleData().resolve("reference").toString();
    private static final String RULES = Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int replay(Path input, Object... more) {
        Object[] args = Stream.concat(Stream.of("replay", "--input", input, "--out", dir.resolve("out"),
                "--reference", REFERENCE, "--rules", RULES), Stream.of(more)).toArray();
        return CliRun.execute(out, err, CliRun.withSampleKey(args));
    }

    @Test
    void filesWithoutRecords_areReportedAndExit2() throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("grid-reports.jsonl"), "");
        Files.writeString(input.resolve("ledger-events.jsonl"), "\n\n");

        assertEquals(GridwardenCli.USAGE, replay(input), err.toString());
        String warning = "WARNING: the input holds no records: nothing was replayed, so this is no evidence of a"
                + " quiet day";
        assertTrue(out.toString().lines().anyMatch(warning::equals), out.toString());
        assertTrue(Files.readString(dir.resolve("out/summary.txt")).lines().anyMatch(warning::equals));
    }

    @Test
    void anArchiveDayWithEmptyFiles_isNamedAndExit2() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        for (String day : List.of("2026-12-27", "2026-12-28", "2026-12-29")) {
            copyDay(GeneratedDays.sixtyArchive().resolve(day), archive.resolve(day));
        }
        try (Stream<Path> files = Files.list(archive.resolve("2026-12-28"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
                Files.createFile(f.resolveSibling(f.getFileName().toString().replace(".gz", "")));
            }
        }

        assertEquals(GridwardenCli.USAGE, replay(archive), err.toString());
        String warning = "WARNING: 2026-12-28: the day's files hold no records; missing input, not a day without"
                + " events";
        assertTrue(out.toString().lines().anyMatch(warning::equals), out.toString());
        assertTrue(Files.readString(dir.resolve("out/summary.txt")).lines().anyMatch(warning::equals));
        assertTrue(Files.exists(dir.resolve("out/alerts/all.jsonl")), "the outputs are written all the same");
        assertTrue(out.toString().lines().noneMatch(l -> l.contains("2026-12-27:") || l.contains("2026-12-29:")),
                out.toString());
    }

    @Test
    void aFullArchive_hasNoWarning_andExits0() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        copyDay(GeneratedDays.sixtyArchive().resolve("2026-12-27"), archive.resolve("2026-12-27"));

        assertEquals(0, replay(archive), err.toString() + out);
        assertTrue(out.toString().lines().noneMatch(l -> l.startsWith("WARNING")), out.toString());
        assertTrue(Files.readString(dir.resolve("out/summary.txt")).contains("[balanced]"));
    }

    private static void copyDay(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
