package org.gridwarden.jobs.cli;

import java.nio.file.Path;
import java.util.List;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
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

    @Option(names = "--rules", paramLabel = "FILE|DIR", split = ",",
            description = "Rule set YAML, or several (repeat the option, or a directory of *.yaml): each applies to"
                    + " events from its effectiveFrom on. Default: rules/ruleset.yaml.")
    List<Path> rules;

    public static Path home() {
        return Path.of(System.getProperty("gridwarden.home", "."));
    }

    public ReferenceData loadReference() {
        return loadReference(reference);
    }

    /** The reference data in {@code dir}, or the sample district's when it is null. */
    public static ReferenceData loadReference(Path dir) {
        return ReferenceDataLoader.load(dir != null ? dir : home().resolve("sample-data/reference"));
    }

    /** The newest of the rule sets given: what a command that takes one rule set uses. */
    public RuleSet loadRuleSet(ReferenceData referenceData) {
        return loadHistory(referenceData).latest();
    }

    public RuleSetHistory loadHistory(ReferenceData referenceData) {
        return RuleSetLoader.loadHistory(rules != null ? rules : List.of(home().resolve("rules/ruleset.yaml")),
                referenceData);
    }
}
