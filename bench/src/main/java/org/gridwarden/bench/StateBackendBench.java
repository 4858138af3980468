package org.gridwarden.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.reference.ReferenceData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Heap ({@code hashmap}) against embedded RocksDB ({@code rocksdb}) state for each rule family: runs the real
 * rule operators over synthetic input of realistic size on a local MiniCluster, in STREAMING mode with
 * checkpoints, and prints throughput, checkpoint size, bytes per unit of state and memory. A benchmark, not a
 * test: it asserts nothing. See docs/state-backend.md for the figures and the choice made from them.
 */
@Command(name = "bench-state-backend", mixinStandardHelpOptions = true,
        description = "Measure the hashmap and rocksdb state backends for each rule family.")
public final class StateBackendBench implements Callable<Integer> {

    @Option(names = "--backends", split = ",", defaultValue = "hashmap,rocksdb",
            description = "State backends to measure. Default ${DEFAULT-VALUE}.")
    List<String> backends;

    @Option(names = "--workloads", split = ",",
            description = "Workloads to run (default all): overdue, dedupe, repeat-complaint, "
                    + "complaint-after-closure, complaint-surge, hazards, silent-grid.")
    List<String> workloads;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Input size relative to a large district (1 = a million open cases). Default ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--parallelism", defaultValue = "2", description = "Rule parallelism, as the live job's. Default ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--checkpoint-seconds", defaultValue = "10", description = "Checkpoint interval. Default ${DEFAULT-VALUE}.")
    int checkpointSeconds;

    @Option(names = "--max-seconds", defaultValue = "180",
            description = "Give up on a run whose input is not all out after this long (its rate so far is reported). "
                    + "Default ${DEFAULT-VALUE}.")
    int maxSeconds;

    @Option(names = "--rocksdb-timers", defaultValue = "ROCKSDB",
            description = "Where the rocksdb backend keeps timers: ROCKSDB (Flink's default, the live job's) or HEAP. "
                    + "Default ${DEFAULT-VALUE}.")
    PriorityQueueStateType rocksdbTimers;

    @Mixin
    DistrictOptions district;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StateBackendBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        ReferenceData reference = district.loadReference();
        RuleContext ctx = RuleContext.of(reference, district.loadRuleSet(reference));
        BenchRun runner = new BenchRun(ctx, parallelism, Duration.ofSeconds(checkpointSeconds),
                Duration.ofSeconds(maxSeconds), rocksdbTimers, out);
        out.printf("State backends %s (rocksdb timers: %s), scale %s, parallelism %d, checkpoints every %d s, Java %s, "
                        + "%d cores, max heap %,d MB%n",
                backends, rocksdbTimers, scale, parallelism, checkpointSeconds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<Measurement> results = new ArrayList<>();
        for (String name : workloads == null ? Workloads.NAMES : workloads) {
            Workload w = Workloads.of(name, scale, ctx);
            out.printf("%n%s: %s; %,d input positions, %,d %s(s) in state%n", w.name(), w.families(), w.positions(),
                    w.units(), w.unit());
            for (String backend : backends) {
                Measurement m = runner.run(w, backend);
                results.add(m);
                out.println("  " + ResultTable.line(m));
            }
        }
        out.println();
        ResultTable.print(results, out);
        return results.stream().allMatch(m -> m.error() == null) ? 0 : 1;
    }
}
