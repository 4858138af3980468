package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridwarden rules diff}: what a new version changes, entry by entry; invalid files as for validate. */
class RulesDiffCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, (Object[]) args);
    }

    private static String reference() {
        return Fixtures.sampleData().resolve("reference").toString();
    }

    private static String shipped() throws Exception {
        return Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml"));
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void changedVersion_isDescribedEntryByEntry() throws Exception {
        Path older = write("old.yaml", shipped());
        Path newer = write("new.yaml", shipped()
                .replace("version: \"2026.11-1\"", "version: \"2026.12-1\"")
                .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2026-12-01T00:00:00+08:00")
                .replace("        NORMAL: 5wd", "        NORMAL: 4wd")
                .replace("\nrules:\n", """

                        rules:
                          - id: repeat-complaint-fire   # fire safety: act on the second complaint
                            rule: repeat-complaint
                            scope:
                              families: [fire]
                            threshold: 2
                        """));
        assertEquals(0, run("rules", "diff", older.toString(), newer.toString(), "--reference", reference()));
        assertEquals(List.of(
                "version: 2026.11-1 → 2026.12-1",
                "effectiveFrom: 2026-01-01T00:00:00+08:00 → 2026-12-01T00:00:00+08:00",
                "重复投诉 repeat-complaint / repeat-complaint-fire: added, applies to families fire: threshold 2"
                        + " (the rest as repeat-complaint)",
                "案件超期 overdue / overdue: timeLimits.STANDARD.NORMAL 5wd → 4wd"), out.toString().lines().toList());
        assertEquals("", err.toString());
    }

    @Test
    void sameRuleSet_saysSo() throws Exception {
        Path older = write("old.yaml", shipped());
        Path newer = write("new.yaml", shipped().replace("# gridwarden rule set", "# edited, but only comments:"));
        assertEquals(0, run("rules", "diff", older.toString(), newer.toString(), "--reference", reference()));
        assertEquals(List.of("no differences"), out.toString().lines().toList());
    }

    @Test
    void invalidFile_showsItsProblems_andExitsOne() throws Exception {
        Path older = write("old.yaml", shipped());
        Path newer = write("new.yaml", shipped().replace("threshold: 3 ", "threshold: three "));
        assertEquals(1, run("rules", "diff", older.toString(), newer.toString(), "--reference", reference()));
        assertEquals(List.of(
                newer + ":52:16: repeat-complaint.threshold: expected a whole number, not 'three'",
                newer + ": 1 problem; this rule set must not go live"), out.toString().lines().toList());
    }

    @Test
    void missingFile_isAWrongArgument() throws Exception {
        Path older = write("old.yaml", shipped());
        assertEquals(GridwardenCli.USAGE, run("rules", "diff", older.toString(), dir.resolve("new.yaml").toString(),
                "--reference", reference()));
        assertEquals("gridwarden rules diff: " + dir.resolve("new.yaml") + ": no such file\n", err.toString());
        assertEquals(GridwardenCli.USAGE, run("rules", "diff", older.toString()));
        assertTrue(err.toString().contains("Missing required parameter: 'NEW'"), err.toString());
    }
}
