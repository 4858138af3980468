package org.gridwarden.jobs.options;

import java.nio.file.Path;
import java.util.List;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The district and rule set a command works with. Defaults are the sample district and the shipped rule set
 * of the installation ({@code gridwarden.home}, set by {@code bin/gridwarden}; else the working directory).
 */
public final class DistrictOptions {

    @Mixin
    public ReferenceOption reference;

    @Option(names = "--rules", paramLabel = "FILE|DIR", split = ",",
            description = "Rule set YAML, or several (repeat the option, or a directory of *.yaml): each applies to"
                    + " events from its effectiveFrom on. Default: rules/ruleset.yaml.")
    public List<Path> rules;

    public static Path home() {
        return Path.of(System.getProperty("gridwarden.home", "."));
    }

    public ReferenceData loadReference() {
        return reference.load();
    }

    /** The newest of the rule sets given: what a command that takes one rule set uses. */
    public RuleSet loadRuleSet(ReferenceData referenceData) {
        return loadHistory(referenceData).latest();
    }

    public RuleSetHistory loadHistory(ReferenceData referenceData) {
        return RuleSetLoader.loadHistory(rulePaths(), referenceData);
    }

    /** The rule-set files or directories given, or the shipped rule set. */
    public List<Path> rulePaths() {
        return rules != null ? rules : List.of(home().resolve("rules/ruleset.yaml"));
    }

    /** The reference data directory given, or the sample district's. */
    public Path referenceDirectory() {
        return reference.directory();
    }
}
