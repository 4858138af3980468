package org.gridwarden.rules.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The alert contract ({@code contract/v1/alert.schema.json}) accepts the alerts the sample scenarios raise (their
 * expected-alerts.jsonl, which the replay tests compare field by field with real output) and requires the
 * English title and message beside the Chinese ones.
 */
class AlertSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Fixtures.projectRoot().resolve("contract/v1/alert.schema.json").toFile()));
    }

    private static Set<String> errors(JsonNode alert) throws Exception {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : schema().validate(alert)) {
            out.add(m.getType() + " " + m.getProperty());
        }
        return out;
    }

    @Test
    void theSampleScenariosAlerts_conform() throws Exception {
        List<Path> files;
        try (Stream<Path> dirs = Files.list(Fixtures.sampleData().resolve("scenarios"))) {
            files = dirs.map(d -> d.resolve("expected-alerts.jsonl")).filter(Files::exists).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    assertEquals(Set.of(), errors(JSON.readTree(line)), file + ": " + line);
                }
            }
        }
    }

    @Test
    void anAlertWithoutItsEnglishTexts_isRefused() throws Exception {
        Path sample = Fixtures.sampleData().resolve("scenarios/repeat-complaint/expected-alerts.jsonl");
        ObjectNode alert = (ObjectNode) JSON.readTree(Files.readAllLines(sample).get(0));
        alert.remove(List.of("titleEn", "messageEn"));
        assertEquals(Set.of("required titleEn", "required messageEn"), errors(alert));
    }
}
