package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Wrong arguments to watch are refused before any connection, with what would be valid and exit code 2. */
class WatchCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(new StringWriter(), err, (Object[]) args);
    }

    private static String reference() {
        return Fixtures.sampleData().resolve("reference").toString();
    }

    @Test
    void unknownDepartment_namesTheValidOnes() {
        int exit = run("watch", "--bootstrap-servers", "127.0.0.1:1", "--reference", reference(),
                "--department", "fire-brigade");
        assertEquals(GridwardenCli.USAGE, exit);
        assertTrue(err.toString().contains("--department fire-brigade: not a department of 清源区; valid: "), err.toString());
        assertTrue(err.toString().contains("street-donghu") && err.toString().contains("urban-management"), err.toString());
    }

    @Test
    void unknownLevel_namesTheValidOnes() {
        int exit = run("watch", "--bootstrap-servers", "127.0.0.1:1", "--reference", reference(), "--level", "URGENT");
        assertEquals(GridwardenCli.USAGE, exit);
        assertTrue(err.toString().contains("WARNING, OVERDUE, ESCALATED, ALERT, CRITICAL"), err.toString());
    }
}
