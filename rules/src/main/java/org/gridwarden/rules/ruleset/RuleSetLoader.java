package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * Reads rule sets from YAML and checks them against the district's reference data. Every problem is listed,
 * not only the first, each as {@code FILE:LINE:COLUMN: <entry id or top-level field>.<field path>: <message>}
 * in words a safety supervisor understands; a YAML syntax error stops the reading and is the one problem then.
 * Unknown fields are errors: a misspelt parameter must not silently fall back to nothing.
 *
 * <p>A scoped entry names only what differs: its other parameters come from its rule's entry without a scope
 * (see {@link RuleSetParser}).
 */
public final class RuleSetLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleSetLoader() {}

    /** The rule set in {@code file}, or a {@link RuleSetException} with every problem. */
    public static RuleSet load(Path file, ReferenceData reference) {
        RuleSetCheck check = check(file, reference);
        if (!check.valid()) {
            throw new RuleSetException(check.messages());
        }
        return check.ruleSet();
    }

    /** The rule set in {@code file} or its problems, without throwing: what {@code rules validate} shows. */
    public static RuleSetCheck check(Path file, ReferenceData reference) {
        return examine(file, reference).check();
    }

    /** A rule set given as text, e.g. received on a control topic; {@code source} names it in the problems. */
    public static RuleSetCheck check(String source, String yaml, ReferenceData reference) {
        return examine(source, yaml, reference).check();
    }

    /**
     * The rule sets in files and directories (every {@code *.yaml} in a directory), as a history ordered by
     * {@code effectiveFrom}. Besides each file's own problems, a version must not share its name or its
     * {@code effectiveFrom} with another, and the calendar must know every year of the period it is in force.
     */
    public static RuleSetHistory loadHistory(List<Path> paths, ReferenceData reference) {
        List<Examined> files = new ArrayList<>();
        for (Path p : paths) {
            for (Path file : ruleSetFiles(p)) {
                files.add(examine(file, reference));
            }
        }
        List<String> problems = files.stream().flatMap(f -> f.check().messages().stream()).toList();
        if (problems.isEmpty()) {
            problems = acrossVersions(files, reference);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return RuleSetHistory.of(files.stream().map(f -> f.check().ruleSet()).toList());
    }

    private static List<String> acrossVersions(List<Examined> files, ReferenceData reference) {
        List<Examined> inOrder = files.stream()
                .sorted(Comparator.comparing((Examined f) -> f.check().ruleSet().effectiveFrom())).toList();
        List<RuleSetProblem> problems = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            Examined file = inOrder.get(i);
            RuleSet rs = file.check().ruleSet();
            for (Examined earlier : inOrder.subList(0, i)) {
                RuleSet other = earlier.check().ruleSet();
                if (other.version().equals(rs.version())) {
                    problems.add(file.placer().place(Finding.at("/version", "'" + rs.version() + "' is also the"
                            + " version of " + earlier.check().source() + "; every version needs a name of its own")));
                }
                if (other.effectiveFrom().equals(rs.effectiveFrom())) {
                    problems.add(file.placer().place(Finding.at("/effectiveFrom", "version " + other.version() + " ("
                            + earlier.check().source() + ") comes into force at the same time; give the newer"
                            + " version a later effectiveFrom")));
                }
            }
            if (i + 1 < inOrder.size()) {
                RuleSetValidator.missingCalendarYears(file.draft(), reference,
                                inOrder.get(i + 1).check().ruleSet().effectiveFrom())
                        .map(file.placer()::place).ifPresent(problems::add);
            }
        }
        return problems.stream().map(RuleSetProblem::toString).toList();
    }

    private static List<Path> ruleSetFiles(Path p) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> files = Files.list(p)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
            if (yaml.isEmpty()) {
                throw new RuleSetException(List.of(p + ": no rule set (*.yaml) in this directory"));
            }
            return yaml;
        } catch (IOException e) {
            throw new RuleSetException(List.of(p + ": cannot list (" + e.getMessage() + ")"));
        }
    }

    /** A file's check with the means to place further findings in it. */
    private record Examined(RuleSetCheck check, Placer placer, RuleSetDraft draft) {}

    private static Examined examine(Path file, ReferenceData reference) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            return unreadable(source, "no such file");
        }
        try {
            return examine(source, Files.readString(file), reference);
        } catch (IOException | UncheckedIOException e) {
            return unreadable(source, "cannot read (" + e.getMessage() + ")");
        }
    }

    private static Examined unreadable(String source, String why) {
        return new Examined(new RuleSetCheck(source, null, List.of(new RuleSetProblem(source, 0, 0, null, why))),
                null, null);
    }

    private static Examined examine(String source, String yaml, ReferenceData reference) {
        YamlLocations locations = YamlLocations.index(yaml);
        if (locations.syntaxError() != null) {
            Placer placer = new Placer(source, locations, Map.of());
            YamlLocations.SyntaxError e = locations.syntaxError();
            String after = placer.field(e.after());
            return new Examined(new RuleSetCheck(source, null, List.of(new RuleSetProblem(source, e.at().line(),
                    e.at().column(), null, "not valid YAML" + (after == null ? "" : " after " + after) + ": "
                            + e.message()))), placer, null);
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("YAML read once but not twice: " + source, e);
        }
        RuleSetParser.Parsed parsed = RuleSetParser.parse(root, YAML);
        Placer placer = new Placer(source, locations, parsed.inheritsFrom());
        List<Finding> findings = new ArrayList<>(parsed.findings());
        findings.addAll(locations.repeatedFields());
        RuleSetValidator.validate(parsed.draft(), reference).stream().map(placer::whereWritten).forEach(findings::add);
        List<RuleSetProblem> problems = findings.stream().map(placer::place).distinct()
                .sorted(Comparator.comparingInt(RuleSetProblem::line).thenComparingInt(RuleSetProblem::column))
                .toList();
        return new Examined(new RuleSetCheck(source, problems.isEmpty() ? parsed.ruleSet() : null, problems), placer,
                parsed.draft());
    }

    /** Places findings in a file: line, column and the field path a supervisor reads. */
    private record Placer(String source, YamlLocations locations, Map<Integer, Integer> inheritsFrom) {

        private static final String RULES = "/rules/";

        RuleSetProblem place(Finding f) {
            YamlLocations.Position at = locations.position(f.pointer(), f.atKey());
            String message = f.related() == null ? f.message()
                    : f.message().replace(Finding.LINE, String.valueOf(locations.position(f.related(), false).line()));
            return new RuleSetProblem(source, at.line(), at.column(), field(f.pointer()), message);
        }

        /** A finding about a scoped entry's inherited value, moved to where the value is written. */
        Finding whereWritten(Finding f) {
            String pointer = f.pointer();
            if (!pointer.startsWith(RULES) || locations.has(pointer)) {
                return f;
            }
            String rest = pointer.substring(RULES.length());
            int slash = rest.indexOf('/');
            Integer general = slash < 0 ? null : inheritsFrom.get(Integer.parseInt(rest.substring(0, slash)));
            String there = general == null ? null : RULES + general + rest.substring(slash);
            return there != null && locations.has(there) ? f.movedTo(there) : f;
        }

        /** {@code /rules/3/timeLimits/STANDARD/NORMAL} as {@code overdue-s01.timeLimits.STANDARD.NORMAL}. */
        String field(String pointer) {
            if (pointer.isEmpty()) {
                return null;
            }
            List<String> segments = Stream.of(pointer.substring(1).split("/", -1))
                    .map(s -> s.replace("~1", "/").replace("~0", "~")).toList();
            StringBuilder field = new StringBuilder();
            int from = 1;
            if (segments.get(0).equals("rules") && segments.size() > 1 && segments.get(1).matches("\\d+")) {
                String id = locations.text(RULES + segments.get(1) + "/id");
                field.append(id != null && !id.isBlank() ? id : "rules[" + segments.get(1) + "]");
                from = 2;
            } else {
                field.append(segments.get(0));
            }
            for (String s : segments.subList(from, segments.size())) {
                field.append(s.matches("\\d+") ? "[" + s + "]" : "." + s);
            }
            return field.toString();
        }
    }
}
