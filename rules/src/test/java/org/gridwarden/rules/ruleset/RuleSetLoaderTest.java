package org.gridwarden.rules.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A supervisor's mistakes in a rule set are reported with file, line, column and field, all of them, in words
 * a non-programmer understands. The catalogue under {@code ruleset-catalogue/} holds one broken file per kind
 * of mistake with its exact expected messages ({@code NAME.expected}).
 */
class RuleSetLoaderTest {

    private static final Path CATALOGUE = Fixtures.projectRoot().resolve("rules/src/test/resources/ruleset-catalogue");

    @TempDir
    Path dir;

    private static ReferenceData reference() {
        return Fixtures.reference();
    }

    private static String shipped() throws Exception {
        return Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml"));
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** The shipped rule set with {@code entries} put first under {@code rules:}, where they take precedence. */
    private static String shippedWithFirst(String entries) throws Exception {
        return shipped().replace("\nrules:\n", "\nrules:\n" + entries);
    }

    @Test
    void shippedRuleSet_loadsWithoutProblems() throws Exception {
        RuleSetCheck check = RuleSetLoader.check(Fixtures.projectRoot().resolve("rules/ruleset.yaml"), reference());
        assertEquals(List.of(), check.messages());
        RuleSet rs = check.ruleSet();
        assertEquals("2026.11-1", rs.version());
        assertEquals(8, rs.rules().size());
        assertEquals(TimeSpan.workingDays(5), rs.overdue().timeLimit("STANDARD", Priority.NORMAL));
        assertEquals(TimeSpan.hours(2), rs.overdue().timeLimit("IMMEDIATE", Priority.URGENT));
        assertEquals(TimeSpan.workingDays(5), rs.overdue().timeLimit("STANDARD", null), "NORMAL when unset");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yaml-syntax-error", "bad-indentation", "wrong-type", "unknown-field", "repeated-field",
        "missing-fields", "unknown-family", "unknown-category", "unknown-names", "negative-window", "out-of-range",
        "duplicate-rule-id", "missing-calendar-year", "shadowed-entry", "never-applies", "several-problems",
        "limits-too-high", "risk-out-of-range", "risk-unknown-level"})
    void brokenFile_isReportedExactly(String name) throws Exception {
        List<String> expected = Files.readAllLines(CATALOGUE.resolve(name + ".expected"));
        RuleSetCheck check = RuleSetLoader.check(CATALOGUE.resolve(name + ".yaml"), reference());
        List<String> messages = check.messages().stream()
                .map(m -> m.substring((CATALOGUE + File.separator).length())).toList();
        assertEquals(expected, messages);
        assertNull(check.ruleSet());
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> RuleSetLoader.load(CATALOGUE.resolve(name + ".yaml"), reference()));
        assertEquals(check.messages(), e.problems());
    }

    @Test
    void scopedEntry_inheritsWhatItDoesNotGive_fromTheUnscopedEntry() throws Exception {
        RuleSet rs = RuleSetLoader.load(write("rules.yaml", shippedWithFirst("""
                  - id: repeat-complaint-fire
                    rule: repeat-complaint
                    scope: {families: [fire]}
                    threshold: 2
                  - id: overdue-donghu
                    rule: overdue
                    scope: {streets: [S01]}
                    timeLimits:
                      STANDARD: {NORMAL: 4wd}
                """)), reference());
        RepeatComplaintRules fire = (RepeatComplaintRules) rs.rules().get(0).parameters();
        assertEquals(new RepeatComplaintRules(true, 2, TimeSpan.parse("30d"),
                List.of(Channel.HOTLINE, Channel.APP, Channel.WINDOW)), fire);
        OverdueRules donghu = (OverdueRules) rs.rules().get(1).parameters();
        assertEquals(TimeSpan.workingDays(4), donghu.timeLimit("STANDARD", Priority.NORMAL));
        assertEquals(TimeSpan.workingDays(2), donghu.timeLimit("STANDARD", Priority.URGENT), "inherited line by line");
        assertEquals(TimeSpan.workingDays(15), donghu.timeLimit("COMPLEX", Priority.NORMAL));
        assertEquals(rs.overdue().escalationDelay(), donghu.escalationDelay());
        assertEquals(rs.overdue().warningFraction(), donghu.warningFraction());
    }

    @Test
    void switchedOffGeneralEntry_doesNotSwitchOffTheScopedOnes() throws Exception {
        RuleSet rs = RuleSetLoader.load(write("rules.yaml", shippedWithFirst("""
                  - id: silent-grid-donghu
                    rule: silent-grid
                    scope: {streets: [S01]}
                """).replace("    silence: 3d\n", "    silence: 3d\n    enabled: false\n")), reference());
        assertTrue(rs.rules().get(0).enabled());
        assertEquals(TimeSpan.parse("3d"), ((SilentGridRules) rs.rules().get(0).parameters()).silence());
        assertFalse(rs.silentGrid().enabled());
    }

    @Test
    void inheritedMistake_isReportedOnce_whereItIsWritten() throws Exception {
        String yaml = shippedWithFirst("""
                  - id: silent-grid-donghu
                    rule: silent-grid
                    scope: {streets: [S01]}
                """).replace("    silence: 3d", "    silence: 3wd");
        int line = yaml.lines().toList().indexOf("    silence: 3wd") + 1;
        RuleSetCheck check = RuleSetLoader.check("rules.control", yaml, reference());
        assertEquals(List.of("rules.control:" + line + ":14: silent-grid.silence: 3wd: working days make no sense here,"
                + " this period runs on the clock; write it in d, h, m or s, e.g. 3d"), check.messages());
    }

    @Test
    void missingFile_isNamed() {
        Path nowhere = dir.resolve("nowhere.yaml");
        assertEquals(List.of(nowhere + ": no such file"), RuleSetLoader.check(nowhere, reference()).messages());
    }

    @Test
    void history_needsTheCalendarForEveryYearAVersionIsInForce() throws Exception {
        Path first = write("2026.yaml", shipped());
        Path next = write("2028.yaml", shipped().replace("version: \"2026.11-1\"", "version: \"2028.01-1\"")
                .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2028-01-01T00:00:00+08:00")
                .replace("    rule: overdue\n", "    rule: overdue\n    enabled: false\n"));
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> RuleSetLoader.loadHistory(List.of(first, next), reference()));
        assertEquals(List.of(first + ":10:16: effectiveFrom: this rule set counts working days"
                + " (overdue.escalationDelay 1wd) and is in force until 2028-01-01T00:00+08:00, but the district"
                + " calendar has no year 2027 (it has 2026); add calendar/2027.yaml with the official holidays and"
                + " make-up working days to the reference data"), e.problems());
    }

    @Test
    void history_refusesTwoVersionsOfOneName_orOneStart() throws Exception {
        Path first = write("a.yaml", shipped());
        Path same = write("b.yaml", shipped());
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> RuleSetLoader.loadHistory(List.of(dir), reference()));
        assertEquals(List.of(
                same + ":9:10: version: '2026.11-1' is also the version of " + first
                        + "; every version needs a name of its own",
                same + ":10:16: effectiveFrom: version 2026.11-1 (" + first + ") comes into force at the same time;"
                        + " give the newer version a later effectiveFrom"), e.problems());
    }

    @Test
    void history_ofTwoVersions_isOrderedByEffectiveFrom() throws Exception {
        write("b.yaml", shipped());
        write("a.yaml", shipped().replace("version: \"2026.11-1\"", "version: \"2026.12-1\"")
                .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2026-12-01T00:00:00+08:00")
                .replace("threshold: 3 ", "threshold: 2 "));
        RuleSetHistory history = RuleSetLoader.loadHistory(List.of(dir), reference());
        assertEquals(List.of("2026.11-1", "2026.12-1"), history.versions().stream().map(RuleSet::version).toList());
        assertEquals(Map.of("2026.11-1", 3, "2026.12-1", 2), Map.of(
                "2026.11-1", history.versions().get(0).repeatComplaint().threshold(),
                "2026.12-1", history.versions().get(1).repeatComplaint().threshold()));
    }
}
