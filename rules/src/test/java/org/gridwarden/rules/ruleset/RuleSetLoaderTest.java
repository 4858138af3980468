package org.gridwarden.rules.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A supervisor's mistakes in the rule set are reported with file, line and field, all of them. */
class RuleSetLoaderTest {

    @TempDir
    Path dir;

    private List<String> problemsOf(String yamlEdit) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, yamlEdit);
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSetLoader.load(file, Fixtures.reference()));
        return e.problems();
    }

    private static String shipped() throws Exception {
        return Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml"));
    }

    @Test
    void shippedRuleSet_isValid_andHoldsTheTimeLimits() {
        RuleSet rs = Fixtures.ruleSet();
        assertEquals("2026.11-1", rs.version());
        assertEquals(TimeSpan.workingDays(5), rs.overdue().timeLimit("STANDARD", Priority.NORMAL));
        assertEquals(TimeSpan.hours(2), rs.overdue().timeLimit("IMMEDIATE", Priority.URGENT));
        assertEquals(TimeSpan.workingDays(5), rs.overdue().timeLimit("STANDARD", null), "NORMAL when unset");
    }

    @Test
    void yamlSyntaxError_namesTheLine() throws Exception {
        List<String> p = problemsOf(shipped().replace("warningFraction: 0.8", "warningFraction: [0.8"));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).matches(".*rules\\.yaml:\\d+:\\d+.*"), p.get(0));
    }

    @Test
    void wrongType_namesLineAndField() throws Exception {
        List<String> p = problemsOf(shipped().replace("warningFraction: 0.8", "warningFraction: most"));
        int line = shipped().lines().toList().indexOf(shipped().lines()
                .filter(l -> l.contains("warningFraction:")).findFirst().orElseThrow()) + 1;
        assertTrue(p.get(0).contains("rules.yaml:" + line + ":"), p.get(0));
        assertTrue(p.get(0).contains("(field overdue.warningFraction)"), p.get(0));
        assertTrue(p.get(0).contains("expected a number"), p.get(0));
    }

    @Test
    void badPeriod_explainsTheFormat() throws Exception {
        List<String> p = problemsOf(shipped().replace("signForLimit: 2h", "signForLimit: two hours"));
        assertTrue(p.get(0).contains("(field overdue.signForLimit)"), p.get(0));
        assertTrue(p.get(0).contains("'two hours' is not a period"), p.get(0));
    }

    @Test
    void misspeltParameter_isAnError() throws Exception {
        List<String> p = problemsOf(shipped().replace("escalationDelay:", "escalationDelya:"));
        assertTrue(p.get(0).contains("unknown field 'escalationDelya'"), p.get(0));
    }

    @Test
    void semanticProblems_areAllListed() throws Exception {
        List<String> p = problemsOf(shipped()
                .replace("warningFraction: 0.8", "warningFraction: 1.5")
                .replace("allowedLateness: 10m", "allowedLateness: 1wd")
                .replace("    COMPLEX:                   # 复杂纠纷\n      URGENT: 5wd\n      NORMAL: 15wd\n", ""));
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).contains("ingest.allowedLateness: 1wd must be in s, m, h or d"), p.get(0));
        assertTrue(p.get(1).contains("overdue.warningFraction: 1.5 must lie strictly between 0 and 1"), p.get(1));
        assertTrue(p.get(2).contains("no entry for class COMPLEX, which categories labour.wage_arrears, labour.contract_dispute"), p.get(2));
    }
}
