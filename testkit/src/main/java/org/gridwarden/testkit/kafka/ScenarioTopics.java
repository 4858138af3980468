package org.gridwarden.testkit.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.ReferenceData;

/** The live job's topics on an in-JVM broker, and a recorded scenario's lines addressed to them (demo and tests). */
public final class ScenarioTopics {

    private ScenarioTopics() {}

    /**
     * Creates the live job's topics: the two inputs with 2 partitions each, every department's alert topic and
     * alerts.all, and the dead letters. Returns the alert topics.
     */
    public static List<String> createTopics(EmbeddedKafka kafka, KafkaSettings settings, ReferenceData reference) {
        List<String> alertTopics = new ArrayList<>(reference.departments().stream().map(Department::topic).toList());
        alertTopics.add(settings.allAlertsTopic());
        kafka.createTopics(List.of(settings.gridReportsTopic(), settings.ledgerEventsTopic()), 2);
        kafka.createTopics(alertTopics, 1);
        kafka.createTopics(List.of(settings.deadLetterTopic()), 1);
        kafka.createCompactedTopics(List.of(settings.riskTopic()), 1);
        return alertTopics;
    }

    /** A scenario's recorded lines, addressed to the input topics, in file order. */
    public static List<TimedLinePlayer.Line> scenarioLines(Path scenario, KafkaSettings settings) throws IOException {
        List<TimedLinePlayer.Line> lines = new ArrayList<>();
        readLines(scenario.resolve("grid-reports.jsonl"), settings.gridReportsTopic(), lines);
        readLines(scenario.resolve("ledger-events.jsonl"), settings.ledgerEventsTopic(), lines);
        return lines;
    }

    private static void readLines(Path file, String topic, List<TimedLinePlayer.Line> into) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String text : Files.readAllLines(file)) {
            if (!text.isBlank()) {
                into.add(TimedLinePlayer.line(topic, text, into.size()));
            }
        }
    }
}
