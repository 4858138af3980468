package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.app.cli.GridwardenCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong argument is one line saying what is wrong and where to read more, and exit 2; never the usage text. */
class WrongArgumentsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private List<String> errLines(Object... args) {
        assertEquals(GridwardenCli.USAGE, CliRun.execute(out, err, args), err.toString());
        assertFalse(err.toString().contains("Usage:"), err.toString());
        assertEquals("", out.toString());
        return err.toString().lines().toList();
    }

    @Test
    void aDateThatDoesNotExist_isNamedAsSuch() {
        assertEquals(List.of("Invalid value for option '--until': '2026-11-31': the date does not exist,"
                        + " November 2026 has 30 days", "see gridwarden replay --help"),
                errLines("replay", "--input", dir, "--out", dir, "--until", "2026-11-31"));
    }

    @Test
    void aTimeThatIsNoTime_showsTheThreeForms() {
        assertEquals(List.of("Invalid value for option '--emit-from': 'yesterday' is not a time: write a date"
                        + " (2026-11-30), a district time (2026-11-30T18:00) or a time with offset"
                        + " (2026-11-30T18:00:00+08:00)", "see gridwarden replay --help"),
                errLines("replay", "--input", dir, "--out", dir, "--emit-from", "yesterday"));
        err.getBuffer().setLength(0);
        assertEquals(List.of("Invalid value for option '--to': '2026-02-30T10:00': the date does not exist,"
                        + " February 2026 has 28 days", "see gridwarden rules backtest --help"),
                errLines("rules", "backtest", "--baseline", dir, "--candidate", dir, "--input", dir,
                        "--to", "2026-02-30T10:00"));
    }

    @Test
    void aMissingParameter_oneLineAndTheHint() {
        assertEquals(List.of("Missing required parameter: 'FILE|DIR'", "see gridwarden rules validate --help"),
                errLines("rules", "validate"));
    }

    @Test
    void anUnknownOption_oneLineAndTheHint() {
        List<String> lines = errLines("report", "--alerts", dir, "--day", "2026-12-01", "--out", dir, "--colour");
        assertEquals("Unknown option: '--colour'", lines.get(0));
        assertEquals("see gridwarden report --help", lines.get(lines.size() - 1));
    }
}
