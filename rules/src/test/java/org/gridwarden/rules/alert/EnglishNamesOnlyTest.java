package org.gridwarden.rules.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.AllRules;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city whose categories are named only in English, as an import of a US city's export gives them, and whose
 * families have no name but their id ({@code fire_requests}) or none at all: every alert's Chinese and English
 * text names the category by its English name, never by a family id or a category code.
 */
class EnglishNamesOnlyTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Family ids as slugs no English or Chinese word contains, so a leak is unmistakable. */
    private static final String FAMILY_SUFFIX = "_requests";

    @Test
    void alertsOfACategoryNamedOnlyInEnglish_useThatName_inBothLanguages(@TempDir Path dir) throws Exception {
        ReferenceData ref = englishOnly(Fixtures.sampleData().resolve("reference"), dir.resolve("reference"));
        RuleContext ctx = RuleContext.of(ref, RuleSetLoader.load(Fixtures.projectRoot().resolve("rules/ruleset.yaml"), ref));
        List<Alert> alerts = AllRules.run(Fixtures.sampleData().resolve("scenarios/district-week"), ctx);

        assertTrue(alerts.stream().anyMatch(a -> a.ruleId().equals("REPEAT_COMPLAINT")), "a family's alert");
        for (Alert a : alerts) {
            List<String> texts = List.of(a.title(), a.message(), a.titleEn(), a.messageEn());
            for (String text : texts) {
                assertFalse(text.contains(FAMILY_SUFFIX), "no family id: " + text);
                assertFalse(ref.categories().stream().map(Category::code).anyMatch(text::contains),
                        "no category code: " + text);
            }
            if (a.categoryCode() != null) {
                String name = ref.category(a.categoryCode()).orElseThrow().nameEn();
                assertTrue(texts.stream().allMatch(t -> t.contains(name)), "each text names " + name + ": " + texts);
            }
            if (a.ruleId().equals("REPEAT_COMPLAINT")) {
                String name = ref.category(a.categoryCode()).orElseThrow().nameEn();
                assertTrue(a.title().contains("反映" + name + "问题"), a.title());
            }
        }
    }

    /**
     * The sample reference with the Chinese names of categories removed, and each family renamed to a slug,
     * every other one keeping that slug as its only name (as an import writes it) and the rest nameless.
     */
    private static ReferenceData englishOnly(Path from, Path to) throws IOException {
        copy(from, to);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode file = (ObjectNode) yaml.readTree(to.resolve("categories.yaml").toFile());
        Map<String, String> renamed = new HashMap<>();
        int i = 0;
        for (JsonNode node : file.get("families")) {
            ObjectNode family = (ObjectNode) node;
            String id = family.get("id").asText() + FAMILY_SUFFIX;
            renamed.put(family.get("id").asText(), id);
            family.put("id", id);
            family.remove(List.of("name", "nameEn"));
            if (i++ % 2 == 0) {
                family.put("name", id).put("nameEn", id);
            }
        }
        for (JsonNode node : file.get("categories")) {
            ObjectNode category = (ObjectNode) node;
            category.remove("name");
            category.put("family", renamed.get(category.get("family").asText()));
        }
        yaml.writeValue(to.resolve("categories.yaml").toFile(), file);
        return ReferenceDataLoader.load(to);
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(target);
            } else {
                Files.copy(f, target);
            }
        }
    }
}
