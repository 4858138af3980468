package org.gridwarden.rules.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema editors check rule sets with ({@code contract/v1/ruleset.schema.json}) accepts the shipped
 * rule set, refuses broken ones at the right places, and names exactly the parameters the loader knows.
 */
class RuleSetSchemaTest {

    private static final Path SCHEMA = Fixtures.projectRoot().resolve("contract/v1/ruleset.schema.json");
    private static final Path CATALOGUE = Fixtures.projectRoot().resolve("rules/src/test/resources/ruleset-catalogue");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode schemaTree() throws Exception {
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    /** Where the schema finds the YAML file wrong, as instance locations such as {@code $.rules[0].window}. */
    private static Set<String> schemaErrors(Path yaml) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree());
        Set<String> where = new TreeSet<>();
        for (ValidationMessage m : schema.validate(YAML.readTree(yaml.toFile()))) {
            where.add(m.getInstanceLocation() + " " + m.getType());
        }
        return where;
    }

    @Test
    void shippedRuleSet_conforms() throws Exception {
        assertEquals(Set.of(), schemaErrors(Fixtures.projectRoot().resolve("rules/ruleset.yaml")));
    }

    @Test
    void shippedRuleSet_namesTheSchemaForEditors() throws Exception {
        String first = Files.readAllLines(Fixtures.projectRoot().resolve("rules/ruleset.yaml")).get(0);
        assertEquals("# yaml-language-server: $schema=../contract/v1/ruleset.schema.json", first);
    }

    @Test
    void wrongKindsOfValue_areRefused() throws Exception {
        assertEquals(Set.of(
                "$.version type",
                "$.rules[0].enabled type",
                "$.rules[0].threshold type",
                "$.rules[0].window type",
                "$.rules[0].channels type",
                "$.rules[1].threshold type",
                "$.rules[1].channels[1] enum"), schemaErrors(CATALOGUE.resolve("wrong-type.yaml")));
    }

    @Test
    void unknownFields_misspeltRules_andPeriodsNotLongerThanZero_areRefused() throws Exception {
        assertEquals(Set.of(
                "$.ingest additionalProperties",
                "$.rules[0] additionalProperties",
                "$.rules[0].scope additionalProperties"), schemaErrors(CATALOGUE.resolve("unknown-field.yaml")));
        assertEquals(Set.of("$.rules[0].window pattern", "$.rules[1].window pattern"),
                schemaErrors(CATALOGUE.resolve("negative-window.yaml")));
        assertEquals(Set.of("$.rules[0].rule enum", "$.rules[1] required"),
                schemaErrors(CATALOGUE.resolve("unknown-family.yaml")));
    }

    /** A family in the schema without a registry line, or registered without a schema section, fails here. */
    @Test
    void everyRule_isOneRegisteredFamily_withExactlyTheParametersTheLoaderKnows() throws Exception {
        JsonNode definitions = schemaTree().get("definitions");
        List<String> rules = new ArrayList<>();
        definitions.at("/entry/properties/rule/enum").forEach(r -> rules.add(r.asText()));
        assertEquals(RuleFamilies.SHIPPED.keys(), rules, "the schema's rules and the registry's families");
        List<String> sections = new ArrayList<>();
        definitions.at("/entry/allOf").forEach(branch -> sections.add(branch.at("/if/properties/rule/const").asText()));
        assertEquals(RuleFamilies.SHIPPED.keys(), sections, "the schema's sections per rule");
        for (RuleFamily family : RuleFamilies.SHIPPED.families()) {
            JsonNode def = definitions.get(family.key());
            List<String> components = RuleSetParser.components(family.parameters());
            assertEquals(Stream.concat(Stream.of("id", "rule", "scope"), components.stream()).toList(),
                    fieldNames(def.get("properties")), family.key());
            assertEquals(components.stream().filter(c -> !c.equals("enabled")).toList(),
                    texts(def.at("/then/required")), family.key() + ": an entry without a scope needs them all");
        }
        assertEquals(RuleSetParser.components(IngestRules.class),
                fieldNames(schemaTree().at("/properties/ingest/properties")));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
