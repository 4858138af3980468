package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The console refuses to serve other machines without an access token: one line, exit code 2. */
class ConsoleCommandTest {

    private final StringWriter err = new StringWriter();

    @Test
    void aBindOtherMachinesReach_withoutAToken_isOneLineAndExitCode2() {
        int exit = CliRun.execute(new StringWriter(), err, "console", "--bootstrap-servers", "127.0.0.1:1",
                "--reference", Fixtures.sampleData().resolve("reference").toString(), "--bind", "0.0.0.0",
                "--port", "0");

        assertEquals(GridwardenCli.USAGE, exit);
        assertEquals(List.of("gridwarden console: --bind 0.0.0.0 is reachable from other machines: give an access"
                + " token (--token-file FILE or GRIDWARDEN_CONSOLE_TOKEN), or bind 127.0.0.1 behind a reverse proxy"),
                err.toString().lines().toList());
    }

    @Test
    void aPortOutOfRange_isRefused() {
        int exit = CliRun.execute(new StringWriter(), err, "console", "--bootstrap-servers", "127.0.0.1:1",
                "--port", "70000");

        assertEquals(GridwardenCli.USAGE, exit);
        assertEquals(List.of("gridwarden console: --port must lie between 0 and 65535, not 70000"),
                err.toString().lines().toList());
    }
}
