package org.gridwarden.jobs.cli;

import java.nio.file.Path;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import picocli.CommandLine.Option;

/**
 * The district and rule set a command works with. Defaults are the sample district and the shipped rule set
 * of the installation ({@code gridwarden.home}, set by {@code bin/gridwarden}; else the working directory).
 */
public final class DistrictOptions {

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Reference data directory (district.yaml, grids.csv, departments.yaml, categories.yaml,"
                    + " calendar/). Default: the sample district.")
    Path reference;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule set YAML. Default: rules/ruleset.yaml.")
    Path rules;

    public static Path home() {
        return Path.of(System.getProperty("gridwarden.home", "."));
    }

    public ReferenceData loadReference() {
        return ReferenceDataLoader.load(reference != null ? reference : home().resolve("sample-data/reference"));
    }

    public RuleSet loadRuleSet(ReferenceData referenceData) {
        return RuleSetLoader.load(rules != null ? rules : home().resolve("rules/ruleset.yaml"), referenceData);
    }
}
