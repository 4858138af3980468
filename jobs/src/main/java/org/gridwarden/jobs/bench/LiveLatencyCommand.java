package org.gridwarden.jobs.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.jobs.cli.DistrictOptions;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@link LiveLatencyBench} from the command line, once per rate given, with a table of the results at the end.
 * A benchmark, not a test: it asserts nothing. The runs share one JVM, and the first also pays for its warming up.
 */
@Command(name = "bench-live-latency", mixinStandardHelpOptions = true,
        description = "Measure the live job's alert latency on Kafka while recorded input is produced at fixed rates.")
public final class LiveLatencyCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "grid-reports and ledger-events JSON lines, as gridwarden generate writes them.")
    Path input;

    @Option(names = "--rates", split = ",", defaultValue = "5000,10000,20000",
            description = "Input lines per second, one run each, in this JVM (the first also warms it up)."
                    + " Default ${DEFAULT-VALUE}.")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "60", description = "Measured window. Default ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warm-up-seconds", defaultValue = "20",
            description = "Produced before the window, not measured. Default ${DEFAULT-VALUE}.")
    int warmUpSeconds;

    @Option(names = "--delivery", defaultValue = "at-least-once",
            description = "at-least-once (default) or exactly-once.")
    String delivery;

    @Option(names = "--checkpoint-millis", defaultValue = "1000",
            description = "The live job's checkpoint interval. Default ${DEFAULT-VALUE}.")
    long checkpointMillis;

    @Option(names = "--parallelism", defaultValue = "2", description = "The live job's. Default ${DEFAULT-VALUE}.")
    int parallelism;

    @Mixin
    DistrictOptions district;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LiveLatencyCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        ReferenceData reference = district.loadReference();
        RuleSetHistory history = district.loadHistory(reference);
        List<LatencyResult> results = new ArrayList<>();
        for (int rate : rates) {
            LatencySettings settings = LatencySettings.of(rate, Duration.ofSeconds(seconds),
                    KafkaEndpoints.parseDelivery(delivery), Duration.ofMillis(checkpointMillis), parallelism)
                    .withWarmUp(Duration.ofSeconds(warmUpSeconds));
            out.printf("%n%,d lines/s, %s, checkpoints every %d ms%n", rate, delivery, checkpointMillis);
            LatencyResult r = LiveLatencyBench.run(input, reference, history, settings, line -> out.println("  " + line));
            results.add(r);
            out.println("  " + row(r));
        }
        out.printf("%nLive alert latency, %s, %s; %d cores, max heap %,d MB%n", input, delivery,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.println("| target lines/s | achieved | delivery | checkpoint | job behind at the end | alerts measured | p50 ms"
                + " | p95 ms | p99 ms | max ms |");
        out.println("|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|");
        results.forEach(r -> out.println(row(r)));
        return 0;
    }

    private static String row(LatencyResult r) {
        LatencySettings s = r.settings();
        return String.format("| %,d | %,.0f | %s | %d ms | %,d lines | %,d of %,d | %,.0f | %,.0f | %,.0f | %,.0f |",
                s.eventsPerSecond(), r.achievedEventsPerSecond(), s.delivery(), s.checkpointInterval().toMillis(),
                r.backlogAtWindowEnd(), r.alertsMeasured(), r.alertsRead(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis());
    }
}
