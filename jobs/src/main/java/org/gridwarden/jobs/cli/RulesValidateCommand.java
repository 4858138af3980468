package org.gridwarden.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleEntry;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetCheck;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridwarden rules validate FILE}: every problem of a rule-set file, or a one-line summary when none. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a rule-set file against the district's reference data: YAML syntax, fields and values,"
                + " names of streets, communities, grids, categories and departments, calendar years, entries that"
                + " never apply. Prints every problem as FILE:LINE:COLUMN: field: message. Exit 0 when valid,"
                + " 1 when not.")
final class RulesValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The rule set (YAML).")
    Path file;

    @Mixin
    ReferenceOption reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        requireFile(file);
        ReferenceData district = reference.load();
        RuleSetCheck check = RuleSetLoader.check(file, district);
        PrintWriter out = spec.commandLine().getOut();
        if (!report(check, out)) {
            return 1;
        }
        out.println(summary(file, check.ruleSet(), district));
        return 0;
    }

    /** A file argument that is not a readable file is a wrong argument (exit 2), not an invalid rule set. */
    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
    }

    /** Prints a check's problems and how many there are; true when there are none. */
    static boolean report(RuleSetCheck check, PrintWriter out) {
        check.messages().forEach(out::println);
        int n = check.problems().size();
        if (n > 0) {
            out.println(check.source() + ": " + n + (n == 1 ? " problem" : " problems")
                    + "; this rule set must not go live");
        }
        return n == 0;
    }

    /** {@code FILE: valid; version V, in force from T; N entries: overdue 1, ...}. */
    private static String summary(Path file, RuleSet rs, ReferenceData district) {
        List<String> perRule = new ArrayList<>();
        List<String> notSet = new ArrayList<>();
        for (RuleFamily family : RuleFamily.values()) {
            int n = rs.entries(family).size();
            if (n == 0) {
                notSet.add(family.key());
            } else {
                perRule.add(family.key() + " " + n);
            }
        }
        List<String> off = rs.rules().stream().filter(e -> !e.enabled()).map(RuleEntry::id).toList();
        return file + ": valid; version " + rs.version() + ", in force from "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(rs.effectiveFrom().atZone(district.zone())) + "; "
                + rs.rules().size() + " entries: " + String.join(", ", perRule)
                + (off.isEmpty() ? "" : "; switched off: " + String.join(", ", off))
                + (notSet.isEmpty() ? "" : "; no entry, so never raised: " + String.join(", ", notSet));
    }
}
