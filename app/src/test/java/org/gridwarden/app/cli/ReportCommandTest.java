package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridwarden report}: writes the two files and says so; a wrong argument gets one clear line and exit 2. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path replayOut;

    @BeforeEach
    void replayOutput() throws Exception {
        replayOut = dir.resolve("replay");
        Files.createDirectories(replayOut.resolve("alerts"));
        Files.copy(Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl"),
                replayOut.resolve("alerts/all.jsonl"));
    }

    private int run(String... args) {
        return CliRun.execute(out, err, (Object[]) args);
    }

    private String firstErrorLine() {
        return err.toString().lines().findFirst().orElse("");
    }

    private static String reference() {
        return Fixtures.sampleData().resolve("reference").toString();
    }

    @Test
    void writesTheHtmlAndMarkdown_andNamesThem() throws Exception {
        Path reports = dir.resolve("reports");
        assertEquals(0, run("report", "--alerts", replayOut.toString(), "--day", "2026-11-19", "--out",
                reports.toString(), "--reference", reference()));
        Path html = reports.resolve("daily-report-2026-11-19.html");
        Path md = reports.resolve("daily-report-2026-11-19.md");
        assertEquals("2026-11-19: 8 alerts (7-day average 3.1); wrote " + html + " and " + md + "\n", out.toString());
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(md).startsWith("# 清源区基层治理风险预警日报 Daily risk report · 2026-11-19"));
        assertEquals("", err.toString());
    }

    @Test
    void alertsDirectoryThatDoesNotExist_exitsTwo() {
        Path missing = dir.resolve("no-such-replay");
        assertEquals(2, run("report", "--alerts", missing.toString(), "--day", "2026-11-19", "--out", dir.toString()));
        assertEquals("gridwarden report: --alerts " + missing + ": not a directory", firstErrorLine());
    }

    @Test
    void directoryWithoutAlertFile_exitsTwo_andSaysWhichFileItLookedFor() {
        assertEquals(2, run("report", "--alerts", dir.toString(), "--day", "2026-11-19", "--out", dir.toString(),
                "--reference", reference()));
        assertEquals("gridwarden report: no alert file in " + dir + ": expected " + dir.resolve("alerts/all.jsonl")
                + " (a replay's output directory) or " + dir.resolve("all.jsonl") + " (its alerts directory)",
                firstErrorLine());
    }

    @Test
    void dayOutsideTheAlertsRead_exitsTwo_withOneLine_andWritesNothing() {
        Path reports = dir.resolve("reports");
        for (String day : new String[] {"2026-12-01", "2026-11-15"}) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("report", "--alerts", replayOut.toString(), "--day", day, "--out", reports.toString(),
                    "--reference", reference()));
            assertEquals(List.of("gridwarden report: --day " + day + " is outside the alerts read (2026-11-16 to"
                    + " 2026-11-20); replay that day first (replay --emit-from/--emit-to) or pass its output with --alerts"),
                    err.toString().lines().toList());
        }
        assertEquals("", out.toString());
        assertFalse(Files.exists(reports));
    }

    @Test
    void anEmptyAlertFile_exitsTwo_sayingThereIsNothingToReport() throws Exception {
        Files.writeString(replayOut.resolve("alerts/all.jsonl"), "");
        assertEquals(2, run("report", "--alerts", replayOut.toString(), "--day", "2026-11-19", "--out",
                dir.resolve("reports").toString(), "--reference", reference()));
        assertEquals("gridwarden report: --day 2026-11-19: the alert files hold no alert at all, so there is nothing"
                + " to report; check that the replay covered the day", firstErrorLine());
    }

    @Test
    void dayThatIsNotADate_exitsTwo() {
        assertEquals(2, run("report", "--alerts", replayOut.toString(), "--day", "2026-02-30", "--out", dir.toString()));
        assertEquals("Invalid value for option '--day': '2026-02-30' is not a date such as 2026-12-16", firstErrorLine());
        assertEquals("", out.toString());
    }

    @Test
    void missingDay_exitsTwo() {
        assertEquals(2, run("report", "--alerts", replayOut.toString(), "--out", dir.toString()));
        assertEquals("Missing required option: '--day=DATE'", firstErrorLine());
    }
}
