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
                + " recorded week of the sample district into it, print each alert as it reaches its"
                + " department's topic and show the feed and the risk map in the web console (its URL is"
                + " printed). Needs no network and no installation.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "DIR",
            description = "Recorded streams to play. Default: sample-data/scenarios/district-week.")
    Path scenario;

    @Option(names = "--speed", defaultValue = "14400",
            description = "Event seconds per wall second (default ${DEFAULT-VALUE}: four hours a second).")
    double speed;

    @Option(names = "--delivery", defaultValue = "exactly-once", description = "exactly-once (default) or at-least-once.")
    String delivery;

    @Option(names = "--console-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port of the web console on this machine (default ${DEFAULT-VALUE}; a free one when it is"
                    + " taken; 0 for any free one).")
    int consolePort;

    @Option(names = "--no-console", description = "Do not start the web console.")
    boolean noConsole;

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
        if (consolePort < 0 || consolePort > 65_535) {
            throw new IllegalArgumentException("--console-port must lie between 0 and 65535, not " + consolePort);
        }
        // at a terminal the console stays open after the week until Enter; a script's run ends with the week
        boolean interactive = System.console() != null;
        Demo.Result result = new Demo(reference, district.referenceDirectory(), ruleSet, System.out).run(
                new Demo.Settings(dir, speed, KafkaEndpoints.parseDelivery(delivery), Duration.ofSeconds(60),
                        noConsole ? null : consolePort, interactive));
        int all = result.alertsByTopic().getOrDefault("alerts.all", java.util.List.of()).size();
        if (result.expectedAlerts() >= 0 && all != result.expectedAlerts()) {
            System.out.printf("Expected %s but %d arrived%n", Plural.of(result.expectedAlerts(), "alert"), all);
            return 1;
        }
        return 0;
    }
}
