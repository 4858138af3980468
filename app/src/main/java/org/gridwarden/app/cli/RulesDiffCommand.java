package org.gridwarden.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridwarden.jobs.options.ReferenceOption;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetCheck;
import org.gridwarden.rules.ruleset.RuleSetDiff;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridwarden rules diff OLD NEW}: what a new rule-set version changes, entry by entry. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What changed from OLD to NEW, entry by entry, in plain words (e.g. \"repeat-complaint /"
                + " repeat-complaint-fire: threshold 3 → 2\"): values as in force, with what scoped entries inherit;"
                + " entries added and removed with their scope; scopes, switches, order, version, effectiveFrom and"
                + " ingest. Exit 0 when both files are valid, 1 when one is not (its problems are printed).")
final class RulesDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The rule set in force (YAML).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The changed rule set (YAML).")
    Path newer;

    @Mixin
    ReferenceOption reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RulesValidateCommand.requireFile(older);
        RulesValidateCommand.requireFile(newer);
        ReferenceData district = reference.load();
        RuleSetCheck before = RuleSetLoader.check(older, district);
        RuleSetCheck after = RuleSetLoader.check(newer, district);
        PrintWriter out = spec.commandLine().getOut();
        boolean valid = RulesValidateCommand.report(before, out);
        valid &= RulesValidateCommand.report(after, out);
        if (!valid) {
            return 1;
        }
        List<String> changes = RuleSetDiff.between(before.ruleSet(), after.ruleSet(), district.zone());
        if (changes.isEmpty()) {
            out.println("no differences");
        }
        changes.forEach(out::println);
        return 0;
    }
}
