package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;

/**
 * Reads a rule set from YAML and checks it against the district's reference data. Unknown keys are errors
 * (a misspelt parameter must not silently fall back to nothing); every problem is listed, not only the first.
 *
 * <p>A scoped entry names only what differs: its other parameters come from the family's entry without a
 * scope.
 */
public final class RuleSetLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RuleSetLoader() {}

    public static RuleSet load(Path file, ReferenceData reference) {
        RuleSet ruleSet = parse(file);
        List<String> problems = RuleSetValidator.validate(ruleSet, reference);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems.stream().map(p -> file + ": " + p).toList());
        }
        return ruleSet;
    }

    /**
     * The rule sets in files and directories (every {@code *.yaml} in a directory), as a history ordered by
     * {@code effectiveFrom}.
     */
    public static RuleSetHistory loadHistory(List<Path> paths, ReferenceData reference) {
        List<RuleSet> versions = new ArrayList<>();
        for (Path p : paths) {
            for (Path file : ruleSetFiles(p)) {
                versions.add(load(file, reference));
            }
        }
        return RuleSetHistory.of(versions);
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

    static RuleSet parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RuleSetException(List.of(file + ": no such file"));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new RuleSetException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
        }
        return parse(file.toString(), text);
    }

    /**
     * A rule set from its YAML text, e.g. as submitted to the live job, without the checks against the
     * reference data ({@link RuleSetValidator}); {@code source} names the text in every problem, as a file
     * name would.
     */
    public static RuleSet parse(String source, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RuleSetException(List.of(source + where(e) + ": " + e.getOriginalMessage()));
        }
        if (!(root instanceof ObjectNode top)) {
            throw new RuleSetException(List.of(source + ": not a rule set: expected version, effectiveFrom, ingest and rules"));
        }
        List<String> problems = new ArrayList<>();
        String version = top.path("version").asText(null);
        Instant effectiveFrom = null;
        try {
            effectiveFrom = top.hasNonNull("effectiveFrom")
                    ? OffsetDateTime.parse(top.get("effectiveFrom").asText()).toInstant() : null;
        } catch (DateTimeParseException e) {
            problems.add("effectiveFrom: '" + top.get("effectiveFrom").asText()
                    + "' is not a time; write e.g. 2026-12-01T00:00:00+08:00");
        }
        IngestRules ingest = convert(top.get("ingest"), IngestRules.class, "ingest", problems);
        List<RuleEntry> entries = new ArrayList<>();
        JsonNode rules = top.get("rules");
        if (rules != null && rules.isArray()) {
            for (int i = 0; i < rules.size(); i++) {
                RuleEntry e = entry(rules, i, problems);
                if (e != null) {
                    entries.add(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems.stream().map(p -> source + ": " + p).toList());
        }
        return new RuleSet(version, effectiveFrom, ingest, entries);
    }

    private static RuleEntry entry(JsonNode rules, int index, List<String> problems) {
        ObjectNode node = ((ObjectNode) rules.get(index)).deepCopy();
        String id = node.path("id").asText("rules[" + index + "]");
        RuleFamily family = RuleFamily.byKey(node.path("rule").asText()).orElse(null);
        if (family == null) {
            problems.add(id + ".rule: '" + node.path("rule").asText() + "' is not a rule; one of "
                    + RuleFamily.keys());
            return null;
        }
        RuleScope scope = node.has("scope")
                ? convert(node.get("scope"), RuleScope.class, id + ".scope", problems) : RuleScope.EVERYWHERE;
        ObjectNode parameters = node.deepCopy();
        if (scope != null && !scope.isEverywhere()) {
            parameters = general(rules, family).setAll(parameters);
        }
        parameters.remove(List.of("id", "rule", "scope"));
        if (!parameters.has("enabled")) {
            parameters.put("enabled", true);
        }
        RuleParameters p = convert(parameters, family.parameters(), id, problems);
        return p == null || scope == null ? null : new RuleEntry(id, family, scope, p);
    }

    /** The family's entry without a scope, which scoped entries inherit from (empty when there is none). */
    private static ObjectNode general(JsonNode rules, RuleFamily family) {
        for (JsonNode n : rules) {
            if (family.key().equals(n.path("rule").asText()) && !n.has("scope")) {
                return ((ObjectNode) n).deepCopy();
            }
        }
        return YAML.createObjectNode();
    }

    private static <T> T convert(JsonNode node, Class<T> type, String field, List<String> problems) {
        if (node == null) {
            problems.add(field + ": missing");
            return null;
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String path = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? "." + ReferenceDataLoader.fieldPath(m) : "";
            String message = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                    : e.getOriginalMessage();
            problems.add(field + path + ": " + message);
            return null;
        }
    }

    private static String where(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() + ":" + loc.getColumnNr() : "";
    }
}
