package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read complainant ids refuse to start without a key, and never print a key they read. */
class PseudonymKeyRequiredTest {

    private static final String REQUIRED = "--pseudonym-key-file FILE (or GRIDWARDEN_PSEUDONYM_KEY_FILE) is required:"
            + " the secret key that pseudonymises complainant ids (README, Personal data)";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void runWithoutAKey_exits2WithOneLine_beforeTouchingKafka() {
        // nothing listens on port 1: the key is checked before any connection
        assertEquals(GridwardenCli.USAGE, CliRun.execute(out, err, "run", "--bootstrap-servers", "127.0.0.1:1",
                "--reference", Fixtures.sampleData().resolve("reference"),
                "--rules", Fixtures.projectRoot().resolve("rules/ruleset.yaml")));
        assertEquals("gridwarden run: " + REQUIRED, err.toString().strip());
    }

    @Test
    void backtestWithoutAKey_exits2WithOneLine() {
        Path rules = Fixtures.projectRoot().resolve("rules/ruleset.yaml");
        assertEquals(GridwardenCli.USAGE, CliRun.execute(out, err, "rules", "backtest", "--baseline", rules,
                "--candidate", rules, "--input", Fixtures.sampleData().resolve("scenarios/repeat-complaint"),
                "--reference", Fixtures.sampleData().resolve("reference")));
        assertEquals("gridwarden rules backtest: " + REQUIRED, err.toString().strip());
    }

    @Test
    void anUnreadableOrShortKeyFile_isNamed_itsContentNeverShown(@TempDir Path dir) throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "hunter2\n");
        Path rules = Fixtures.projectRoot().resolve("rules/ruleset.yaml");
        assertEquals(GridwardenCli.USAGE, CliRun.execute(out, err, "rules", "backtest", "--baseline", rules,
                "--candidate", rules, "--input", Fixtures.sampleData().resolve("scenarios/repeat-complaint"),
                "--reference", Fixtures.sampleData().resolve("reference"), "--pseudonym-key-file", shortKey));
        assertTrue(err.toString().contains(shortKey.toString()), err.toString());
        assertFalse(err.toString().contains("hunter2"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
