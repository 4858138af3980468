package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gridwarden.rules.RuleFamilies;

/**
 * Turns a rule set's YAML tree into a {@link RuleSet}, finding every field of the wrong shape: unknown fields
 * (naming the known ones), values of the wrong kind, missing fields, unknown rules, an entry id given twice.
 *
 * <p>A scoped entry takes each parameter it does not give from its rule's first entry without a scope; blocks
 * such as {@code timeLimits} are inherited line by line, so a scope can change one time limit alone.
 * {@code enabled} is not inherited: every entry is on unless it says {@code enabled: false}, so that switching
 * a rule off everywhere but in one scope takes a scoped entry and nothing more.
 */
final class RuleSetParser {

    /**
     * What was read: the rule set when nothing is wrong with its shape, and in any case the draft of every
     * value that has the right shape, for the meaning checks.
     *
     * @param ruleSet null when a finding concerns the shape
     * @param inheritsFrom file index of a scoped entry to that of the entry it takes parameters from
     */
    record Parsed(RuleSet ruleSet, RuleSetDraft draft, Map<Integer, Integer> inheritsFrom, List<Finding> findings) {}

    private static final List<String> TOP_LEVEL = List.of("version", "effectiveFrom", "ingest", "rules", "risk");
    private static final List<String> ENTRY_FIELDS = List.of("id", "rule", "scope");
    private static final Map<String, String> SCOPE_EXAMPLES = scopeExamples();
    private static final String EXAMPLE_TIME = "2026-12-01T00:00:00+08:00";

    private final ObjectMapper mapper;
    private final List<Finding> findings = new ArrayList<>();

    private RuleSetParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static Parsed parse(JsonNode root, ObjectMapper mapper) {
        return new RuleSetParser(mapper).read(root);
    }

    private Parsed read(JsonNode root) {
        if (!(root instanceof ObjectNode top)) {
            findings.add(Finding.at("", (root == null || root.isMissingNode() ? "the file is empty" : "not a rule set")
                    + "; a rule set is made of the fields " + Names.list(TOP_LEVEL)));
            return new Parsed(null, new RuleSetDraft(null, Map.of(), Map.of(), List.of()), Map.of(), findings);
        }
        findings.addAll(unknownFields(top, "", TOP_LEVEL, "a rule set has"));
        String version = version(top.get("version"));
        Instant effectiveFrom = effectiveFrom(top.get("effectiveFrom"));
        IngestRules ingest = null;
        Map<String, Object> ingestValues = Map.of();
        JsonNode ingestNode = top.get("ingest");
        if (ingestNode instanceof ObjectNode given) {
            ObjectNode block = merge(mapper.valueToTree(IngestRules.DEFAULTS), given);
            ingestValues = values(block, IngestRules.class);
            ingest = ingest(block);
        } else {
            List<String> fields = components(IngestRules.class);
            findings.add(Finding.at("/ingest", ingestNode == null || ingestNode.isNull()
                    ? "missing; write ingest with " + Names.list(fields) + ", e.g. allowedLateness: 10m and"
                            + " duplicateRetention: 7d"
                    : "expected indented lines " + Names.list(fields) + ", not " + ValueShapes.shown(ingestNode)));
        }
        JsonNode riskNode = top.get("risk");
        RiskIndexRules risk = null;
        Map<String, Object> riskValues = Map.of();
        if (riskNode == null || riskNode instanceof ObjectNode) {
            ObjectNode block = mapper.valueToTree(RiskIndexRules.DEFAULTS);
            if (riskNode != null) {
                block = merge(block, (ObjectNode) riskNode);
            }
            riskValues = values(block, RiskIndexRules.class);
            risk = risk(block);
        } else {
            findings.add(Finding.at("/risk", "expected indented lines " + Names.list(components(RiskIndexRules.class))
                    + ", not " + ValueShapes.shown(riskNode)));
        }
        List<RuleSetDraft.Entry> drafts = new ArrayList<>();
        List<RuleEntry> entries = new ArrayList<>();
        Map<Integer, Integer> inheritsFrom = new HashMap<>();
        JsonNode rules = top.get("rules");
        if (rules == null || rules.isNull()) {
            findings.add(Finding.at("/rules", "missing; list the rule entries under rules, each starting with '- id:'"));
        } else if (!rules.isArray() || rules.isEmpty()) {
            findings.add(Finding.at("/rules", "expected a list of rule entries, each starting with '- id:', not "
                    + (rules.isArray() ? "an empty list" : ValueShapes.shown(rules))));
        } else {
            Set<Integer> broken = checkEntries(rules);
            for (int i = 0; i < rules.size(); i++) {
                readEntry(rules, i, broken, inheritsFrom, drafts, entries);
            }
        }
        RuleSet ruleSet = findings.isEmpty() ? new RuleSet(version, effectiveFrom, ingest, entries, risk) : null;
        return new Parsed(ruleSet, new RuleSetDraft(effectiveFrom, ingestValues, riskValues, drafts), inheritsFrom,
                findings);
    }

    private String version(JsonNode node) {
        if (node == null || node.isNull()) {
            findings.add(Finding.at("/version", "missing; every alert carries the version of the rule set that"
                    + " raised it, so name this one, e.g. version: \"2026.12-1\""));
        } else if (node.isNumber()) {
            findings.add(Finding.at("/version", "write the version in quotes, e.g. version: \"2026.12-1\", so that it"
                    + " is read as a name and not as the number " + node.asText()));
        } else if (!node.isTextual() || node.asText().isBlank()) {
            findings.add(Finding.at("/version", "expected a name such as \"2026.12-1\", not " + ValueShapes.shown(node)));
        } else {
            return node.asText();
        }
        return null;
    }

    private Instant effectiveFrom(JsonNode node) {
        if (node == null || node.isNull()) {
            findings.add(Finding.at("/effectiveFrom", "missing; write the time this version comes into force, e.g."
                    + " effectiveFrom: " + EXAMPLE_TIME));
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText().trim()).toInstant();
        } catch (DateTimeParseException e) {
            findings.add(Finding.at("/effectiveFrom", ValueShapes.shown(node) + " is not a time; write date, time and"
                    + " offset from UTC, e.g. " + EXAMPLE_TIME));
            return null;
        }
    }

    private IngestRules ingest(ObjectNode ingest) {
        int before = findings.size();
        findings.addAll(unknownFields(ingest, "/ingest", components(IngestRules.class), "ingest has"));
        shapes(ingest, "/ingest", IngestRules.class);
        missing(ingest, "/ingest", IngestRules.class, "ingest", "");
        return findings.size() > before ? null : convert(ingest, "/ingest", IngestRules.class);
    }

    private RiskIndexRules risk(ObjectNode risk) {
        int before = findings.size();
        findings.addAll(unknownFields(risk, "/risk", components(RiskIndexRules.class), "risk has"));
        shapes(risk, "/risk", RiskIndexRules.class);
        return findings.size() > before ? null : convert(risk, "/risk", RiskIndexRules.class);
    }

    /** First pass: what each entry shows on its own. Returns the file indices of entries that cannot be read. */
    private Set<Integer> checkEntries(JsonNode rules) {
        Set<Integer> broken = new HashSet<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String pointer = "/rules/" + i;
            int before = findings.size();
            if (!(rules.get(i) instanceof ObjectNode node)) {
                findings.add(Finding.at(pointer, "expected an entry with id, rule and the rule's parameters, not "
                        + ValueShapes.shown(rules.get(i))));
                broken.add(i);
                continue;
            }
            id(node, i, ids);
            RuleFamily family = family(node, pointer);
            if (node.has("scope")) {
                scope(node.get("scope"), pointer + "/scope");
            }
            if (family != null) {
                List<String> known = Stream.concat(ENTRY_FIELDS.stream(), components(family.parameters()).stream())
                        .toList();
                findings.addAll(unknownFields(node, pointer, known,
                        article(family.key()) + " " + family.key() + " entry has"));
                shapes(parameters(node), pointer, family.parameters());
            }
            if (family == null || findings.size() > before) {
                broken.add(i);
            }
        }
        return broken;
    }

    /**
     * Second pass: an entry with what it inherits, as a draft (for every entry whose rule is known) and as a
     * rule entry (when nothing about it is wrong).
     */
    private void readEntry(JsonNode rules, int i, Set<Integer> broken, Map<Integer, Integer> inheritsFrom,
            List<RuleSetDraft.Entry> drafts, List<RuleEntry> entries) {
        String pointer = "/rules/" + i;
        if (!(rules.get(i) instanceof ObjectNode node)) {
            return;
        }
        RuleFamily family = RuleFamilies.SHIPPED.byKey(node.path("rule").asText()).orElse(null);
        if (family == null) {
            return;
        }
        boolean scoped = node.has("scope");
        Integer general = generalEntry(rules, family);
        ObjectNode parameters = parameters(node);
        boolean complete = !broken.contains(i);
        if (scoped && general != null) {
            ObjectNode inherited = parameters((ObjectNode) rules.get(general));
            inherited.remove("enabled");
            parameters = merge(inherited, parameters);
            inheritsFrom.put(i, general);
            // what it lacks the general entry lacks too, and is reported there
            complete &= !broken.contains(general) && lacking(parameters, family.parameters()).isEmpty();
        } else {
            String otherwise = scoped ? ", or give " + family.key() + " an entry without a scope to take it from" : "";
            complete &= !missing(parameters, pointer, family.parameters(), "this entry", otherwise);
        }
        if (!parameters.has("enabled")) {
            parameters.put("enabled", true);
        }
        RuleScope scope = !scoped ? RuleScope.EVERYWHERE
                : scopeFindings(node.get("scope"), pointer + "/scope").isEmpty()
                        ? convert(node.get("scope"), pointer + "/scope", RuleScope.class) : null;
        String id = node.path("id").isTextual() ? node.get("id").asText() : null;
        drafts.add(new RuleSetDraft.Entry(i, id, family, scope, values(parameters, family.parameters())));
        if (complete) {
            RuleParameters p = convert(parameters, pointer, family.parameters());
            if (p != null && scope != null) {
                entries.add(new RuleEntry(id, family, scope, p));
            }
        }
    }

    /** The values of a block whose shape is right, as the Java types of the record's fields. */
    private Map<String, Object> values(ObjectNode block, Class<?> type) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = block.get(c.getName());
            List<Finding> wrong = new ArrayList<>();
            if (value != null) {
                ValueShapes.check(value, c.getGenericType(), "", wrong);
            }
            if (value != null && wrong.isEmpty()) {
                values.put(c.getName(), mapper.convertValue(value, mapper.constructType(c.getGenericType())));
            }
        }
        return values;
    }

    private void id(ObjectNode node, int index, Map<String, Integer> ids) {
        JsonNode id = node.get("id");
        String at = "/rules/" + index + "/id";
        if (id == null || id.isNull()) {
            findings.add(Finding.at(at, "missing; give every entry a name of its own, e.g. id: repeat-complaint-fire"));
        } else if (!id.isTextual() || id.asText().isBlank()) {
            findings.add(Finding.at(at, "expected a name such as repeat-complaint-fire, not " + ValueShapes.shown(id)));
        } else {
            Integer first = ids.putIfAbsent(id.asText(), index);
            if (first != null) {
                findings.add(Finding.at(at, "'" + id.asText() + "' is already the id of the entry on line "
                        + Finding.LINE + "; every entry needs an id of its own", "/rules/" + first + "/id"));
            }
        }
    }

    private RuleFamily family(ObjectNode node, String pointer) {
        JsonNode rule = node.get("rule");
        String at = pointer + "/rule";
        if (rule == null || rule.isNull()) {
            findings.add(Finding.at(at, "missing; name the rule this entry sets: " + Names.either(RuleFamilies.SHIPPED.keys())));
            return null;
        }
        RuleFamily family = rule.isTextual() ? RuleFamilies.SHIPPED.byKey(rule.asText()).orElse(null) : null;
        if (family == null) {
            findings.add(Finding.at(at, ValueShapes.shown(rule) + " is not a rule"
                    + Names.didYouMean(rule.asText(), RuleFamilies.SHIPPED.keys()) + "; the rules are "
                    + Names.list(RuleFamilies.SHIPPED.keys())));
        }
        return family;
    }

    private void scope(JsonNode scope, String pointer) {
        findings.addAll(scopeFindings(scope, pointer));
    }

    private static List<Finding> scopeFindings(JsonNode scope, String pointer) {
        List<Finding> problems = new ArrayList<>();
        if (!(scope instanceof ObjectNode node) || node.isEmpty()) {
            problems.add(Finding.at(pointer, (scope.isObject() || scope.isNull() ? "empty" : "expected indented lines,"
                    + " not " + ValueShapes.shown(scope)) + "; name " + Names.either(SCOPE_EXAMPLES.keySet())
                    + " here, or remove scope to apply the entry everywhere"));
            return problems;
        }
        problems.addAll(unknownFields(node, pointer, List.copyOf(SCOPE_EXAMPLES.keySet()), "a scope has"));
        SCOPE_EXAMPLES.forEach((field, example) -> {
            JsonNode names = node.get(field);
            String at = Finding.child(pointer, field);
            if (names == null) {
                return;
            }
            if (!names.isArray()) {
                problems.add(Finding.at(at, "expected a list in square brackets, e.g. " + field + ": [" + example
                        + "], not " + ValueShapes.shown(names)));
            } else if (names.isEmpty()) {
                problems.add(Finding.at(at, "an empty list covers nothing; remove " + field + " to mean any"));
            } else {
                for (int i = 0; i < names.size(); i++) {
                    if (!names.get(i).isTextual() || names.get(i).asText().isBlank()) {
                        problems.add(Finding.at(Finding.child(at, i), "expected a name such as " + example + ", not "
                                + ValueShapes.shown(names.get(i))));
                    }
                }
            }
        });
        return problems;
    }

    private static List<Finding> unknownFields(ObjectNode node, String pointer, List<String> known, String whatHas) {
        List<Finding> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(Finding.atKey(Finding.child(pointer, name), "unknown field '" + name + "'"
                        + Names.didYouMean(name, known) + "; " + whatHas + " " + Names.list(known)));
            }
        });
        return unknown;
    }

    private void shapes(ObjectNode node, String pointer, Class<?> type) {
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = node.get(c.getName());
            if (value != null) {
                ValueShapes.check(value, c.getGenericType(), Finding.child(pointer, c.getName()), findings);
            }
        }
    }

    /**
     * Reports the fields a record needs that the block lacks, but for one an unknown field misspells (that
     * one is reported as unknown); true if any lacks.
     */
    private boolean missing(ObjectNode node, String pointer, Class<?> type, String what, String otherwise) {
        List<RecordComponent> lacking = lacking(node, type);
        Set<String> misspelt = new HashSet<>();
        node.fieldNames().forEachRemaining(name -> Names.closest(name, components(type)).ifPresent(misspelt::add));
        for (RecordComponent c : lacking) {
            if (misspelt.contains(c.getName())) {
                continue;
            }
            findings.add(Finding.at(Finding.child(pointer, c.getName()), "missing; give " + what + " its " + c.getName()
                    + ", " + ValueShapes.describe(c.getGenericType()) + otherwise));
        }
        return !lacking.isEmpty();
    }

    /** The fields of a record that a block does not give; {@code enabled} may always be left out. */
    private static List<RecordComponent> lacking(ObjectNode node, Class<?> type) {
        return Stream.of(type.getRecordComponents())
                .filter(c -> !c.getName().equals("enabled") && !node.has(c.getName())).toList();
    }

    private <T> T convert(JsonNode node, String pointer, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // every shape was checked before; never drop an entry without saying so
            findings.add(Finding.at(pointer, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** The family's first entry without a scope, which scoped entries take their other parameters from. */
    private static Integer generalEntry(JsonNode rules, RuleFamily family) {
        for (int i = 0; i < rules.size(); i++) {
            JsonNode n = rules.get(i);
            if (n.isObject() && family.key().equals(n.path("rule").asText()) && !n.has("scope")) {
                return i;
            }
        }
        return null;
    }

    private static ObjectNode parameters(ObjectNode entry) {
        ObjectNode parameters = entry.deepCopy();
        parameters.remove(ENTRY_FIELDS);
        return parameters;
    }

    /** {@code base} overridden by {@code over}, block by block. */
    private static ObjectNode merge(ObjectNode base, ObjectNode over) {
        ObjectNode merged = base.deepCopy();
        over.fields().forEachRemaining(f -> merged.set(f.getKey(),
                merged.get(f.getKey()) instanceof ObjectNode b && f.getValue() instanceof ObjectNode o
                        ? merge(b, o) : f.getValue().deepCopy()));
        return merged;
    }

    static List<String> components(Class<?> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static Map<String, String> scopeExamples() {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("streets", "S01");
        examples.put("communities", "S01C01");
        examples.put("grids", "S01C01G01");
        examples.put("families", "fire");
        examples.put("categories", "fire.blocked_exit");
        return examples;
    }
}
