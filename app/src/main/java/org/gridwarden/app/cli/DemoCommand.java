package org.gridwarden.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.gridwarden.app.demo.Demo;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.jobs.Plural;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a Kafka broker in this JVM, run the live job on a local Flink MiniCluster, play a"
                + " recorded week of the sample district into it and print each alert as it reaches its"
                + " department's topic. Needs no network and no installation.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "DIR",
            description = "Recorded streams to play. Default: sample-data/scenarios/district-week.")
    Path scenario;

    @Option(names = "--speed", defaultValue = "14400",
            description = "Event seconds per wall second (default ${DEFAULT-VALUE}: four hours a second).")
    double speed;

    @Option(names = "--delivery", defaultValue = "exactly-once", description = "exactly-once (default) or at-least-once.")
    String delivery;

    @Mixin
    DistrictOptions district;

    @Override
    public Integer call() throws Exception {
        Path dir = scenario != null ? scenario : DistrictOptions.home().resolve("sample-data/scenarios/district-week");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--scenario " + dir + ": not a directory");
        }
        if (speed <= 0) {
            throw new IllegalArgumentException("--speed must be positive, not " + speed);
        }
        ReferenceData reference = district.loadReference();
        RuleSet ruleSet = district.loadRuleSet(reference);
        Demo.Result result = new Demo(reference, ruleSet, System.out).run(new Demo.Settings(dir, speed,
                KafkaEndpoints.parseDelivery(delivery), Duration.ofSeconds(60)));
        int all = result.alertsByTopic().getOrDefault("alerts.all", java.util.List.of()).size();
        if (result.expectedAlerts() >= 0 && all != result.expectedAlerts()) {
            System.out.printf("Expected %s but %d arrived%n", Plural.of(result.expectedAlerts(), "alert"), all);
            return 1;
        }
        return 0;
    }
}
