package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a replay reads: all of a plain directory, of a day archive only the days asked for. */
class ReplayInputTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    @Test
    void ofADayArchive_onlyTheDaysAskedForAreRead_plainAndGzipped() throws IOException {
        archive(5);
        Files.move(day(2).resolve("grid-reports.jsonl"), day(2).resolve("grid-reports.jsonl.gz"));
        Files.writeString(dir.resolve("manifest.json"), "{}");

        ReplayInput input = ReplayInput.in(dir, FIRST.plusDays(1), FIRST.plusDays(2));

        assertEquals(List.of(FIRST.plusDays(1), FIRST.plusDays(2)), input.days());
        assertEquals(List.of(day(1).resolve("grid-reports.jsonl"), day(2).resolve("grid-reports.jsonl.gz")),
                input.gridReports());
        assertEquals(List.of(day(1).resolve("ledger-events.jsonl"), day(2).resolve("ledger-events.jsonl")),
                input.ledgerEvents());
    }

    @Test
    void aDayWhoseFilesHoldNoRecord_isEmpty() throws IOException {
        archive(3);
        Files.writeString(day(0).resolve("grid-reports.jsonl"), "{}\n");
        Files.writeString(day(2).resolve("ledger-events.jsonl"), "\n{}\n");
        Files.writeString(day(1).resolve("ledger-events.jsonl"), "\n  \n");

        assertEquals(List.of(FIRST.plusDays(1)), ReplayInput.in(dir).emptyDays());
    }

    @Test
    void daysBeforeTheArchiveBegins_areNotMissing_historyStartsThere() throws IOException {
        archive(3);
        ReplayInput input = ReplayInput.in(dir, FIRST.minusDays(30), FIRST.plusDays(1));
        assertEquals(List.of(FIRST, FIRST.plusDays(1)), input.days());
        assertEquals(List.of(FIRST, FIRST.plusDays(1), FIRST.plusDays(2)), ReplayInput.in(dir).days());
    }

    @Test
    void aMissingDay_isRefused_asItWouldReadAsADayWithoutEvents() throws IOException {
        archive(5);
        deleteDay(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplayInput.in(dir, FIRST, null));
        assertEquals(dir + ": no day directory for 2026-12-04 (days needed: 2026-12-01 to 2026-12-05); a missing day"
                + " would read as a day without events", e.getMessage());

        IllegalArgumentException notYet = assertThrows(IllegalArgumentException.class,
                () -> ReplayInput.in(dir, FIRST.plusDays(4), FIRST.plusDays(5)));
        assertEquals(dir + ": no day directory for 2026-12-06 (days needed: 2026-12-05 to 2026-12-06); a missing day"
                + " would read as a day without events", notYet.getMessage());
    }

    @Test
    void daysAfterTheArchive_areRefused() throws IOException {
        archive(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplayInput.in(dir, FIRST.plusDays(10), null));
        assertEquals(dir + ": no day directories from 2026-12-11 on; the archive holds 2026-12-01 to 2026-12-02",
                e.getMessage());
    }

    @Test
    void inputFilesOutsideTheDays_ofAnArchive_areRefused() throws IOException {
        archive(2);
        Files.writeString(dir.resolve("ledger-events-late.jsonl"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplayInput.in(dir));
        assertEquals(dir + " is a day archive (2026-12-01 to 2026-12-02) but also holds input files outside its day"
                + " directories: " + dir.resolve("ledger-events-late.jsonl"), e.getMessage());
    }

    @Test
    void aPlainDirectory_isReadWhole_whateverTheDays() throws IOException {
        Files.createDirectories(dir.resolve("november"));
        Files.writeString(dir.resolve("november/grid-reports.jsonl"), "");
        Files.writeString(dir.resolve("ledger-events.jsonl.gz"), "");

        ReplayInput input = ReplayInput.in(dir, FIRST, FIRST);

        assertEquals(List.of(), input.days());
        assertEquals(List.of(dir.resolve("november/grid-reports.jsonl")), input.gridReports());
        assertEquals(List.of(dir.resolve("ledger-events.jsonl.gz")), input.ledgerEvents());
    }

    private void archive(int days) throws IOException {
        for (int i = 0; i < days; i++) {
            Files.createDirectories(day(i));
            Files.writeString(day(i).resolve("grid-reports.jsonl"), "");
            Files.writeString(day(i).resolve("ledger-events.jsonl"), "");
        }
    }

    private void deleteDay(int i) throws IOException {
        try (var files = Files.list(day(i))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(day(i));
    }

    private Path day(int i) {
        return dir.resolve(FIRST.plusDays(i).toString());
    }
}
