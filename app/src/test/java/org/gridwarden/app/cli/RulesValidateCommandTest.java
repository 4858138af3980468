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

/** {@code gridwarden rules validate}: a summary and exit 0 for a good file, every problem and exit 1 for a bad one. */
class RulesValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, (Object[]) args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    private static String reference() {
        return Fixtures.sampleData().resolve("reference").toString();
    }

    private Path shippedCopy(String name) throws Exception {
        return Files.copy(Fixtures.projectRoot().resolve("rules/ruleset.yaml"), dir.resolve(name));
    }

    @Test
    void validFile_printsOneLineSummary_andExitsZero() throws Exception {
        Path file = shippedCopy("ruleset.yaml");
        assertEquals(0, run("rules", "validate", file.toString(), "--reference", reference()));
        assertEquals(List.of(file + ": valid; version 2026.11-1, in force from 2026-01-01T00:00:00+08:00; 8 entries:"
                + " overdue 1, repeat-complaint 1, complaint-after-closure 1, hazard-not-reported-by-grid 1,"
                + " patrol-missed-hazard 1, hazard-not-filed 1, silent-grid 1, complaint-surge 1"), outLines());
        assertEquals("", err.toString());
    }

    @Test
    void summary_namesSwitchedOffEntries_andRulesWithoutEntry() throws Exception {
        Path file = shippedCopy("ruleset.yaml");
        String yaml = Files.readString(file);
        Files.writeString(file, yaml.substring(0, yaml.indexOf("  - id: complaint-surge"))
                .replace("    silence: 3d", "    silence: 3d\n    enabled: false"));
        assertEquals(0, run("rules", "validate", file.toString(), "--reference", reference()));
        assertEquals(List.of(file + ": valid; version 2026.11-1, in force from 2026-01-01T00:00:00+08:00; 7 entries:"
                + " overdue 1, repeat-complaint 1, complaint-after-closure 1, hazard-not-reported-by-grid 1,"
                + " patrol-missed-hazard 1, hazard-not-filed 1, silent-grid 1; switched off: silent-grid;"
                + " no entry, so never raised: complaint-surge"), outLines());
    }

    @Test
    void invalidFile_printsEveryProblem_andExitsOne() throws Exception {
        Path file = shippedCopy("candidate.yaml");
        Files.writeString(file, Files.readString(file)
                .replace("threshold: 3 ", "threshold: 1 ")
                .replace("window: 15d", "window: -15d")
                .replace("alsoNotify: public-security", "alsoNotify: police"));
        assertEquals(1, run("rules", "validate", file.toString(), "--reference", reference()));
        assertEquals(List.of(
                file + ":52:16: repeat-complaint.threshold: 1 must be at least 2 (one complaint is not a repetition)",
                file + ":58:13: complaint-after-closure.window: -15d must be longer than zero",
                file + ":85:17: complaint-surge.alsoNotify: 'police' is not a department of 清源区; the departments are"
                        + " street-donghu, street-xicheng, street-nanmen, street-beiyuan, street-qingshan,"
                        + " street-wenchang, street-binjiang, urban-management, emergency, public-security,"
                        + " civil-affairs, housing, market-regulation, health, ecology, petitions and supervision-office",
                file + ": 3 problems; this rule set must not go live"), outLines());
    }

    @Test
    void yamlSyntaxError_isTheOneProblem() throws Exception {
        Path file = shippedCopy("candidate.yaml");
        Files.writeString(file, Files.readString(file).replace("channels: [HOTLINE, APP, WINDOW]\n\n  - id: complaint-after",
                "channels: [HOTLINE, APP, WINDOW\n\n  - id: complaint-after"));
        assertEquals(1, run("rules", "validate", file.toString(), "--reference", reference()));
        assertEquals(List.of(
                file + ":56:7: not valid YAML after repeat-complaint.channels: the list opened with '[' on line 54 is"
                        + " not closed with ']', or a ',' is missing",
                file + ": 1 problem; this rule set must not go live"), outLines());
    }

    @Test
    void aDirectory_validatesEveryYamlFileInIt_andFailsWhenOneIsInvalid() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path good = Files.copy(Fixtures.projectRoot().resolve("rules/ruleset.yaml"), rules.resolve("a-2026.11.yaml"));
        Path bad = rules.resolve("b-2026.12.yml");
        Files.writeString(bad, Files.readString(good).replace("window: 15d", "window: -15d"));
        Files.writeString(rules.resolve("README.txt"), "not a rule set");

        assertEquals(1, run("rules", "validate", rules.toString(), "--reference", reference()));
        List<String> lines = outLines();
        assertEquals(4, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith(good + ": valid; version 2026.11-1"), lines.get(0));
        assertEquals(bad + ":58:13: complaint-after-closure.window: -15d must be longer than zero", lines.get(1));
        assertEquals(bad + ": 1 problem; this rule set must not go live", lines.get(2));
        assertEquals("1 of 2 files are not valid", lines.get(3));

        out.getBuffer().setLength(0);
        Files.delete(bad);
        assertEquals(0, run("rules", "validate", rules.toString(), "--reference", reference()));
        assertTrue(out.toString().startsWith(good + ": valid;"), out.toString());
    }

    @Test
    void aDirectoryWithoutRuleSets_isAWrongArgument() {
        assertEquals(GridwardenCli.USAGE, run("rules", "validate", dir.toString(), "--reference", reference()));
        assertEquals("gridwarden rules validate: " + dir + ": no *.yaml or *.yml files in it\n", err.toString());
    }

    @Test
    void missingFile_isAWrongArgument() {
        Path nowhere = dir.resolve("nowhere.yaml");
        assertEquals(GridwardenCli.USAGE, run("rules", "validate", nowhere.toString(), "--reference", reference()));
        assertEquals("gridwarden rules validate: " + nowhere + ": no such file\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void noFileGiven_isAWrongArgument() {
        assertEquals(GridwardenCli.USAGE, run("rules", "validate"));
        assertTrue(err.toString().startsWith("Missing required parameter: 'FILE|DIR'"), err.toString());
    }

    @Test
    void brokenReferenceData_isAWrongArgument() throws Exception {
        Path file = shippedCopy("ruleset.yaml");
        assertEquals(GridwardenCli.USAGE, run("rules", "validate", file.toString(), "--reference", dir.toString()));
        assertTrue(err.toString().startsWith("gridwarden rules validate: "), err.toString());
        assertTrue(err.toString().contains(dir.resolve("district.yaml").toString()), err.toString());
    }
}
