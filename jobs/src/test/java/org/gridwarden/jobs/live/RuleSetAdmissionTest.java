package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.gridwarden.connectors.kafka.RuleSetSubmission;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A submitted version goes live only after the versions in force; every reason against it is named. */
class RuleSetAdmissionTest {

    private static final RuleSetHistory IN_FORCE = RuleSetHistory.of(Fixtures.ruleSet());

    private static String shipped() throws Exception {
        return Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml"));
    }

    private static String asVersion(String version, String effectiveFrom) throws Exception {
        return shipped().replace("version: \"2026.11-1\"", "version: \"" + version + "\"")
                .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: " + effectiveFrom);
    }

    @Test
    void laterVersionWithANameOfItsOwn_isAdmitted() throws Exception {
        RuleSetAdmission.Verdict v = RuleSetAdmission.check(
                new RuleSetSubmission("2026.12-1", asVersion("2026.12-1", "2026-12-01T00:00:00+08:00")),
                "rules.control", Fixtures.reference(), IN_FORCE);
        assertEquals(List.of(), v.problems());
        assertEquals(Fixtures.beijing("2026-12-01T00:00"), v.effectiveFrom());
    }

    @Test
    void versionThatDoesNotExtendTheHistory_isRefusedWithEveryReason() throws Exception {
        RuleSetAdmission.Verdict v = RuleSetAdmission.check(
                new RuleSetSubmission("2026.12-1", asVersion("2026.11-1", "2026-01-01T00:00:00+08:00")),
                "rules.control", Fixtures.reference(), IN_FORCE);
        assertEquals(List.of(
                "rules.control[2026.12-1]: version: the rule set says 2026.11-1 but was submitted as 2026.12-1;"
                        + " submit it with gridwarden rules deploy, which takes the version from the file",
                "rules.control[2026.12-1]: effectiveFrom: 2026-01-01T00:00+08:00 is not later than"
                        + " 2026-01-01T00:00+08:00, from when the newest version in force (2026.11-1) applies; a new"
                        + " version can only take over from a later time"), v.problems());

        RuleSetAdmission.Verdict again = RuleSetAdmission.check(
                new RuleSetSubmission("2026.11-1", asVersion("2026.11-1", "2026-12-01T00:00:00+08:00")),
                "rules.control", Fixtures.reference(), IN_FORCE);
        assertEquals(List.of("rules.control[2026.11-1]: version: 2026.11-1 is already in force; a changed rule set"
                + " needs a version name of its own"), again.problems());
    }

    @Test
    void textThatIsNotYaml_isRefusedWithLineAndColumn() throws Exception {
        RuleSetAdmission.Verdict v = RuleSetAdmission.check(
                new RuleSetSubmission("2026.12-1", asVersion("2026.12-1", "2026-12-01T00:00:00+08:00")
                        .replace("warningFraction: 0.8", "warningFraction: [0.8")),
                "rules.control", Fixtures.reference(), IN_FORCE);
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).matches("(?s)rules\\.control\\[2026\\.12-1]:\\d+:\\d+: .*"), v.problems().get(0));
        assertEquals(null, v.ruleSet());
    }
}
