package org.gridwarden.rules.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.overdue.OverdueCaseLogic;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetLoader;

/** The sample district and the shipped rule set, loaded once for all tests of every module. */
public final class Fixtures {

    private static ReferenceData reference;
    private static RuleSet ruleSet;

    private Fixtures() {}

    /** The repository root, found from whichever module directory the tests run in. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-data"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no sample-data/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path sampleData() {
        return projectRoot().resolve("sample-data");
    }

    /** The pseudonyms under the sample key, as the demo and the scenarios' expected alerts use. */
    public static Pseudonyms samplePseudonyms() {
        try {
            return Pseudonyms.fromKeyFile(sampleData().resolve("sample-pseudonym.key"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static synchronized ReferenceData reference() {
        if (reference == null) {
            reference = ReferenceDataLoader.load(sampleData().resolve("reference"));
        }
        return reference;
    }

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = RuleSetLoader.load(projectRoot().resolve("rules/ruleset.yaml"), reference());
        }
        return ruleSet;
    }

    public static AlertFactory alertFactory() {
        return new AlertFactory(reference());
    }

    public static OverdueCaseLogic overdueLogic() {
        return new OverdueCaseLogic(RuleContext.of(reference(), ruleSet()));
    }

    /** An instant written as the district reads it, e.g. {@code beijing("2026-02-13T10:00")}. */
    public static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }
}
