package org.gridwarden.importer;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schema of import mappings ({@code contract/import-mapping.schema.json}) accepts the shipped mappings,
 * refuses an unknown field as the reader does, and names exactly the fields {@link ImportMappingReader} accepts.
 */
class ImportMappingSchemaTest {

    private static final Path SCHEMA = Fixtures.projectRoot().resolve("contract/import-mapping.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> SHIPPED = List.of("baltimore", "new-york", "boston");

    @TempDir
    Path dir;

    private static JsonNode schemaTree() throws Exception {
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    private static Set<String> schemaErrors(Path yaml) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree());
        Set<String> where = new TreeSet<>();
        for (ValidationMessage m : schema.validate(YAML.readTree(yaml.toFile()))) {
            where.add(m.getInstanceLocation() + " " + m.getType());
        }
        return where;
    }

    @Test
    void shippedMappings_conform_andNameTheSchemaForEditors() throws Exception {
        for (String city : SHIPPED) {
            Path mapping = Fixtures.sampleData().resolve(city).resolve("mapping.yaml");
            assertEquals(Set.of(), schemaErrors(mapping), city);
            ImportMappingReader.read(mapping);
            assertEquals("# yaml-language-server: $schema=../../contract/import-mapping.schema.json",
                    Files.readAllLines(mapping).get(0), city);
        }
    }

    @Test
    void unknownAndMisspeltFields_areRefused() throws Exception {
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"),
                Files.readString(Fixtures.sampleData().resolve("boston/mapping.yaml"))
                        .replace("  closedByCloseTime: true", "  closedByClosedTime: true")
                        .replace("due:\n", "dueDate:\n"));
        assertEquals(Set.of("$ additionalProperties", "$.status additionalProperties"), schemaErrors(mapping));
    }

    @Test
    void theSchemasFields_areExactlyThoseTheReaderAccepts() throws Exception {
        JsonNode schema = schemaTree();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        collect(schema, schema, "", fields);
        assertEquals(ImportMappingReader.FIELDS, fields);
    }

    /** The field names of every block, by its path, as {@link ImportMappingReader#FIELDS} lists them. */
    private static void collect(JsonNode schema, JsonNode block, String path, Map<String, List<String>> fields) {
        List<String> names = new ArrayList<>();
        block.get("properties").fieldNames().forEachRemaining(names::add);
        fields.put(path, names);
        for (String name : names) {
            JsonNode field = block.get("properties").get(name);
            if (field.has("$ref")) {
                field = schema.at(field.get("$ref").asText().substring(1));
            }
            if (field.has("properties")) {
                collect(schema, field, path.isEmpty() ? name : path + "." + name, fields);
            }
        }
    }
}
