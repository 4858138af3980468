package org.gridwarden.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.gridwarden.app.demo.Demo;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The demo path against the real in-JVM Kafka broker and a local MiniCluster, exactly-once: the week's
 * expected alerts land on their departments' topics and on alerts.all, read_committed, identical (but for the
 * emit time) to what the replay of the same files produces.
 */
class DemoTest {

    @Test
    void expectedAlertsLandOnTheirDepartmentTopicsAndOnAlertsAll() throws Exception {
        Path scenario = Fixtures.sampleData().resolve("scenarios/district-week");
        AlertCodec codec = new AlertCodec();
        List<Alert> expected = Files.readAllLines(scenario.resolve("expected-alerts.jsonl")).stream()
                .map(codec::decodeAlert).toList();

        Demo.Result result = new Demo(Fixtures.reference(), Fixtures.ruleSet(), System.out)
                .run(new Demo.Settings(scenario, 100_000, DeliveryGuarantee.EXACTLY_ONCE, Duration.ofSeconds(90), 0,
                        false)); // with its web console, on a free port

        Map<String, List<Alert>> byTopic = result.alertsByTopic();
        assertEquals(ids(expected), ids(byTopic.get("alerts.all")), "alerts.all");
        assertEquals(Set.copyOf(expected), byTopic.get("alerts.all").stream().map(a -> a.withEmittedAt(null))
                .collect(Collectors.toSet()), "live alerts equal the replayed ones field by field");
        Map<String, List<Alert>> expectedByDepartment = expected.stream()
                .collect(Collectors.groupingBy(Alert::department));
        for (Map.Entry<String, List<Alert>> e : expectedByDepartment.entrySet()) {
            String topic = Fixtures.reference().department(e.getKey()).orElseThrow().topic();
            assertEquals(ids(e.getValue()), ids(byTopic.getOrDefault(topic, List.of())), topic);
        }
        long departmentTopics = byTopic.keySet().stream().filter(t -> !t.equals("alerts.all")).count();
        assertEquals(expectedByDepartment.size(), departmentTopics, "no alert on any other topic: " + byTopic.keySet());
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::alertId).sorted().toList();
    }
}
