package org.gridwarden.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.gridwarden.jobs.live.LiveJobOptions;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.testkit.generate.CityPreset;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridwarden bench}: how fast and how big the job is at city scale, against baselines measured in the same
 * run, written to {@code bench/results/<date>.md}. A benchmark, not a test: it asserts nothing, and its figures
 * are only comparable within one run on one machine (see the results file for the machine and its load).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark at city scale: replay throughput at parallelism 1 and 2 against a Jackson parse"
                + " floor and a plain single-threaded HashMap detector, live latency on the in-JVM Kafka broker at"
                + " fixed rates (at-least-once and exactly-once), and state bytes per open case and complaint"
                + " subject on the heap and in RocksDB. Prints progress and a table; writes"
                + " bench/results/<date>.md.")
public final class CityBench implements Callable<Integer> {

    /** The two families a hand-written detector (and a CEP engine in the comparison) runs too. */
    static final String TWO_RULES = "overdue + repeat-complaint";

    @Option(names = "--city", defaultValue = "MEGACITY", paramLabel = "sample|megacity",
            description = "City generated for the replay and the live runs. Default: ${DEFAULT-VALUE}.")
    CityPreset city;

    @Option(names = "--days", defaultValue = "2", description = "Simulated days replayed. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated input. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where generated input and replay output go; input found there is reused."
                    + " Default: bench/work.")
    Path work;

    @Option(names = "--results", paramLabel = "DIR", description = "Where the results file goes. Default: bench/results.")
    Path results;

    @Option(names = "--parallelism", split = ",", defaultValue = "1,2",
            description = "Replay parallelisms. Default: ${DEFAULT-VALUE}.")
    List<Integer> parallelisms;

    @Option(names = "--baseline-runs", defaultValue = "3",
            description = "Runs of each baseline; the last, warm one counts. Default: ${DEFAULT-VALUE}.")
    int baselineRuns;

    @Option(names = "--latency-seconds", defaultValue = "60",
            description = "Measured window of each live run, after a 20 s warm-up. 0 skips the live runs."
                    + " Default: ${DEFAULT-VALUE}.")
    int latencySeconds;

    @Option(names = "--at-least-once-rates", split = ",", defaultValue = "5000,10000,20000", paramLabel = "EVENTS/S",
            description = "Input rates of the at-least-once live runs. Default: ${DEFAULT-VALUE}.")
    List<Integer> atLeastOnceRates;

    @Option(names = "--exactly-once-rates", split = ",", defaultValue = "5000,20000", paramLabel = "EVENTS/S",
            description = "Input rates of the exactly-once live runs. Default: ${DEFAULT-VALUE}.")
    List<Integer> exactlyOnceRates;

    @Option(names = "--checkpoint-millis", defaultValue = "1000",
            description = "Checkpoint interval of the exactly-once live runs; it bounds their latency."
                    + " Default: ${DEFAULT-VALUE}.")
    long checkpointMillis;

    // At-least-once alerts wait for no checkpoint, and a heap snapshot copies all state each time (with one every
    // second, two fifths of the CPU at 20,000 events/s), so these runs use the interval the live job runs with.
    @Option(names = "--at-least-once-checkpoint-seconds", defaultValue = LiveJobOptions.DEFAULT_CHECKPOINT_SECONDS,
            description = "Checkpoint interval of the at-least-once live runs. Default: ${DEFAULT-VALUE}, the live"
                    + " job's own.")
    long atLeastOnceCheckpointSeconds;

    @Option(names = "--state-scale", defaultValue = "0.05",
            description = "Size of the state workloads relative to a large district (1 = a million open cases)."
                    + " 0 skips them. Default: ${DEFAULT-VALUE}.")
    double stateScale;

    @Mixin
    DistrictOptions district;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, not " + days);
        }
        if (checkpointMillis < 1 || atLeastOnceCheckpointSeconds < 1) {
            throw new IllegalArgumentException("--checkpoint-millis and --at-least-once-checkpoint-seconds must be"
                    + " at least 1, not " + checkpointMillis + " and " + atLeastOnceCheckpointSeconds);
        }
        if (parallelisms.stream().anyMatch(p -> p < 1)) {
            throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelisms);
        }
        PrintStream out = System.out;
        Path workDir = work != null ? work : DistrictOptions.home().resolve("bench/work");
        Path resultsDir = results != null ? results : DistrictOptions.home().resolve("bench/results");
        long began = System.nanoTime();
        BenchReport report = new BenchReport(Machine.here(), LocalDate.now(), commandLine());
        report.loadBefore(Machine.loadAverage());
        ReferenceData districtReference = district.loadReference();
        String name = city.name().toLowerCase();

        step(out, began, "Input");
        BenchInput input = BenchInput.prepare(workDir.resolve(name + "-" + days + "d-seed" + seed), city, days, seed,
                district.referenceDirectory(), districtReference, district.rulePaths(), out);
        report.input(input);

        step(out, began, "Baselines (single thread, same files)");
        report.baseline(ParseFloor.read(input.files(), baselineRuns));
        report.baseline(ParseFloor.decode(input.files(), input.reference(), input.history().latest().ingest(),
                baselineRuns));
        report.baseline(ParseFloor.decodeByTree(input.files(), input.reference(), input.history().latest().ingest(),
                baselineRuns));
        report.baseline(HashMapDetector.runDecoded(input.files(), input.reference(), input.history().latest(),
                baselineRuns));
        report.baseline(HashMapDetector.run(input.files(), input.reference(), input.history().latest(),
                baselineRuns));
        report.baselines().forEach(b -> out.println("  " + BenchReport.line(b)));

        for (int p : parallelisms) {
            step(out, began, "Replay, BATCH, parallelism " + p);
            ReplayThroughput r = ReplayThroughput.run(input, workDir.resolve("replay-p" + p), p,
                    RuntimeExecutionMode.BATCH, out);
            report.replay(r);
            out.println("  " + BenchReport.line(r));
        }
        int fewest = parallelisms.stream().min(Integer::compare).orElseThrow();
        step(out, began, "Replay, BATCH, parallelism " + fewest + ", " + TWO_RULES);
        ReplayThroughput two = ReplayThroughput.run(TWO_RULES,
                input.withOnly(Set.of(RuleFamily.OVERDUE, RuleFamily.REPEAT_COMPLAINT)),
                workDir.resolve("replay-two-rules-p" + fewest), fewest, RuntimeExecutionMode.BATCH, out);
        report.replay(two);
        out.println("  " + BenchReport.line(two));

        if (latencySeconds > 0) {
            List<LatencySettings> runs = new ArrayList<>();
            Duration window = Duration.ofSeconds(latencySeconds);
            Duration atLeastOnceCheckpoints = Duration.ofSeconds(atLeastOnceCheckpointSeconds);
            Duration exactlyOnceCheckpoints = Duration.ofMillis(checkpointMillis);
            atLeastOnceRates.forEach(r -> runs.add(LatencySettings.of(r, window, DeliveryGuarantee.AT_LEAST_ONCE,
                    atLeastOnceCheckpoints, 2)));
            exactlyOnceRates.forEach(r -> runs.add(LatencySettings.of(r, window, DeliveryGuarantee.EXACTLY_ONCE,
                    exactlyOnceCheckpoints, 2)));
            long lines = runs.stream().mapToLong(LatencySettings::lines).max().orElse(0);
            // named by its days, like the replay's input: a run at higher rates generates more, never reuses too few
            int liveDays = daysFor(lines, input);
            BenchInput live = BenchInput.prepare(workDir.resolve(name + "-live-" + liveDays + "d-seed" + seed), city,
                    liveDays, seed + 1, district.referenceDirectory(), districtReference, district.rulePaths(), out);
            for (LatencySettings s : runs) {
                step(out, began, String.format("Live latency, %,d events/s, %s", s.eventsPerSecond(), s.delivery()));
                LatencyResult l = LiveLatencyBench.run(live.dir(), live.reference(), live.history(), s,
                        line -> out.println("  " + line));
                report.latency(l);
                out.println("  " + BenchReport.line(l));
            }
        }

        if (stateScale > 0) {
            step(out, began, "State per unit, heap and RocksDB, scale " + stateScale);
            RuleContext ctx = RuleContext.of(districtReference, district.loadHistory(districtReference));
            BenchRun runner = new BenchRun(ctx, 2, Duration.ofSeconds(10), Duration.ofSeconds(180),
                    org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend.PriorityQueueStateType.ROCKSDB, out);
            for (String workload : Workloads.NAMES) {
                Workload w = Workloads.of(workload, stateScale, ctx);
                for (String backend : List.of("hashmap", "rocksdb")) {
                    Measurement m = runner.run(w, backend);
                    report.state(m);
                    out.println("  " + ResultTable.line(m));
                }
            }
        }

        report.loadAfter(Machine.loadAverage(), (System.nanoTime() - began) / 1e9);
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve(report.date() + ".md");
        String markdown = report.markdown();
        Files.writeString(file, markdown);
        out.println();
        out.println(report.summary());
        out.printf("Results written to %s in %.1f min%n", file, (System.nanoTime() - began) / 60e9);
        return 0;
    }

    /** Days of the city that hold {@code lines}, from the replay input's lines per day, and one more. */
    private static int daysFor(long lines, BenchInput input) {
        long perDay = Math.max(1, input.lines() / input.days());
        return (int) Math.min(Integer.MAX_VALUE, lines / perDay + 2);
    }

    private static void step(PrintStream out, long began, String what) {
        out.printf("%n== %s  (%.0f s in)%n", what, (System.nanoTime() - began) / 1e9);
    }

    /** The command as given, so that the results file tells how to repeat it. */
    private String commandLine() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0);
        }
        args.add(0, "bin/gridwarden " + spec.name());
        return String.join(" ", args);
    }
}
