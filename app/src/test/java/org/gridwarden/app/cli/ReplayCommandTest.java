package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridwarden replay --emit-from/--emit-to/--warm-up} on a day archive: one day's alerts in the files;
 * a window that is empty, a warm-up without a start or in working days, and a day the archive lacks exit 2
 * with what is wrong.
 */
class ReplayCommandTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String REFERENCE = Fixtures.sampleData().resolve("reference").toString();
    private static final String RULES = Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object... args) {
        return CliRun.execute(out, err, CliRun.withSampleKey(args));
    }

    @Test
    void oneDay_writesThatDaysAlertsOfTheWholeReplay() throws Exception {
        Instant from = Fixtures.beijing("2026-12-28T00:00");
        Instant to = Fixtures.beijing("2026-12-29T00:00");
        int exit = run("replay", "--input", GeneratedDays.sixtyArchive(), "--out", dir, "--reference", REFERENCE,
                "--rules", RULES, "--emit-from", "2026-12-28T00:00:00+08:00", "--emit-to", "2026-12-29T00:00:00+08:00",
                "--warm-up", "45d");
        assertEquals(0, exit, err.toString());

        Set<String> expected = GeneratedDays.shippedReplay().alerts().stream()
                .filter(a -> !a.eventTime().isBefore(from) && a.eventTime().isBefore(to)).map(Alert::alertId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() > 30, "a day's alerts: " + expected.size());
        assertEquals(expected, alertIds(dir.resolve("alerts/all.jsonl")));
    }

    @Test
    void bareDates_areWholeDistrictDays_andTheSummaryReadsInDistrictTime() throws Exception {
        Instant from = Fixtures.beijing("2026-12-28T00:00");
        Instant to = Fixtures.beijing("2026-12-29T00:00");
        int exit = CliRun.execute(out, err, CliRun.withSampleKey("replay", "--input", GeneratedDays.sixtyArchive(),
                "--out", dir, "--reference", REFERENCE, "--rules", RULES, "--emit-from", "2026-12-28",
                "--emit-to", "2026-12-28", "--warm-up", "45d"));
        assertEquals(0, exit, err.toString());

        Set<String> expected = GeneratedDays.shippedReplay().alerts().stream()
                .filter(a -> !a.eventTime().isBefore(from) && a.eventTime().isBefore(to)).map(Alert::alertId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, alertIds(dir.resolve("alerts/all.jsonl")));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).contains("with rule set 2026.11-1 from 2026-01-01T00:00+08:00 over"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  total alerts: " + expected.size()
                + " in the emission window [2026-12-28T00:00+08:00, 2026-12-29T00:00+08:00) (horizon"
                + " 2026-12-29T00:00+08:00;")), out.toString());
        assertTrue(lines.contains("Read 46 days of the archive, 2026-11-13 to 2026-12-28"), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  writing: " + expected.size() + " alerts, ")),
                out.toString());
    }

    @Test
    void emitFromNotBeforeEmitTo_exits2() throws IOException {
        assertRefused("gridwarden replay: --emit-from 2026-12-18T00:00+08:00 is not before --emit-to"
                + " 2026-12-17T00:00+08:00", "--emit-from", "2026-12-18T00:00:00+08:00", "--emit-to",
                "2026-12-17T00:00:00+08:00");
        assertRefused("gridwarden replay: --emit-from 2026-12-17T00:00+08:00 is not before --emit-to"
                + " 2026-12-17T00:00+08:00", "--emit-from", "2026-12-17T00:00:00+08:00", "--emit-to",
                "2026-12-17T00:00:00+08:00");
    }

    @Test
    void untilBeforeEmitFrom_exits2() throws IOException {
        assertRefused("gridwarden replay: --until 2026-12-16T18:00+08:00 is before --emit-from 2026-12-17T00:00+08:00:"
                + " no alert could be written", "--emit-from", "2026-12-17T00:00:00+08:00", "--until",
                "2026-12-16T18:00:00+08:00");
    }

    @Test
    void warmUpWithoutEmitFrom_exits2() throws IOException {
        assertRefused("gridwarden replay: --warm-up needs --emit-from: it is the history read before it",
                "--warm-up", "30d");
    }

    @Test
    void warmUpInWorkingDaysOrNoPeriod_exits2() throws IOException {
        assertRefused("Invalid value for option '--warm-up': '20wd' is in working days; give the warm-up in calendar"
                + " time, e.g. 45d or 36h", "--emit-from", "2026-12-17T00:00:00+08:00", "--warm-up", "20wd");
        assertRefused("Invalid value for option '--warm-up': 'a month' is not a period: write a whole number and a"
                + " unit, s (seconds), m (minutes), h (hours), d (calendar days) or wd (working days), e.g. 24h or 5wd",
                "--emit-from", "2026-12-17T00:00:00+08:00", "--warm-up", "a month");
    }

    @Test
    void withoutAPseudonymKey_exits2WithOneLine() throws IOException {
        int exit = CliRun.execute(out, err, "replay", "--input", GeneratedDays.sixtyArchive(), "--out", dir,
                "--reference", REFERENCE, "--rules", RULES);
        assertEquals(GridwardenCli.USAGE, exit);
        assertEquals("gridwarden replay: --pseudonym-key-file FILE (or GRIDWARDEN_PSEUDONYM_KEY_FILE) is required:"
                + " the secret key that pseudonymises complainant ids (README, Personal data)", err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("alerts")), "nothing written");
    }

    @Test
    void aDayTheArchiveLacks_exits2() throws IOException {
        Path archive = GeneratedDays.sixtyArchive();
        assertRefused("gridwarden replay: " + archive + ": no day directory for 2027-01-01 (days needed: 2026-12-22 to"
                + " 2027-01-01); a missing day would read as a day without events",
                "--emit-from", "2027-01-01T00:00:00+08:00", "--emit-to", "2027-01-02T00:00:00+08:00",
                "--warm-up", "10d");
    }

    private void assertRefused(String firstLine, Object... options) throws IOException {
        List<Object> args = new ArrayList<>(List.of("replay", "--input", GeneratedDays.sixtyArchive(),
                "--out", dir, "--reference", REFERENCE, "--rules", RULES));
        args.addAll(List.of(options));
        assertEquals(GridwardenCli.USAGE, run(args.toArray()));
        assertEquals(firstLine, err.toString().lines().findFirst().orElse(""), err.toString());
        assertTrue(Files.notExists(dir.resolve("alerts")), "nothing written");
        err.getBuffer().setLength(0);
    }

    private static Set<String> alertIds(Path file) throws IOException {
        AlertCodec codec = new AlertCodec();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(codec::decodeAlert)
                .map(Alert::alertId).collect(Collectors.toCollection(TreeSet::new));
    }
}
