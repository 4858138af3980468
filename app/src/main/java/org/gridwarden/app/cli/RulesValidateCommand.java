package org.gridwarden.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gridwarden.jobs.options.ReferenceOption;
import org.gridwarden.rules.RuleFamilies;
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

/**
 * {@code gridwarden rules validate FILE|DIR...}: every problem of each rule-set file, or a one-line summary of
 * each valid one.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check rule-set files against the district's reference data: YAML syntax, fields and values,"
                + " names of streets, communities, grids, categories and departments, calendar years, entries that"
                + " never apply. Prints every problem as FILE:LINE:COLUMN: field: message. A directory stands for"
                + " every *.yaml and *.yml in it. Exit 0 when every file is valid, 1 when one is not.")
final class RulesValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Rule sets (YAML), or directories of them.")
    List<Path> paths;

    @Mixin
    ReferenceOption reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(Files.isDirectory(path) ? ruleSetFiles(path) : List.of(requireFile(path)));
        }
        ReferenceData district = reference.load();
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        for (Path file : files) {
            RuleSetCheck check = RuleSetLoader.check(file, district);
            if (report(check, out)) {
                out.println(summary(file, check.ruleSet(), district));
            } else {
                invalid++;
            }
        }
        if (files.size() > 1) {
            out.println(invalid == 0 ? "all " + files.size() + " files are valid"
                    : invalid + " of " + files.size() + " files are not valid");
        }
        return invalid == 0 ? 0 : 1;
    }

    /** The rule sets of a directory, by name; a directory without any is a wrong argument. */
    private static List<Path> ruleSetFiles(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> children = Files.list(dir)) {
            files = children.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml");
            }).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no *.yaml or *.yml files in it");
        }
        return files;
    }

    /** A file argument that is not a readable file is a wrong argument (exit 2), not an invalid rule set. */
    static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return file;
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
        for (RuleFamily family : RuleFamilies.SHIPPED.families()) {
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
