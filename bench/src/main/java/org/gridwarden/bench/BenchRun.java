package org.gridwarden.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.checkpoint.SubtaskStateStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.gridwarden.jobs.JobEnvironments;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * Runs one workload on one state backend on a fresh local MiniCluster, in STREAMING mode with periodic
 * checkpoints, as the live job runs: generates the input, waits until all of it is out, then triggers one
 * more checkpoint. Its barrier travels behind every record and the final watermark, so the moment the last
 * operator takes its snapshot is the moment everything was processed, and the snapshot holds the state the
 * input left behind (the source never ends, so no end-of-input clears it).
 */
final class BenchRun {

    private final RuleContext ctx;
    private final int parallelism;
    private final Duration checkpointInterval;
    private final Duration maxRun;
    private final PriorityQueueStateType rocksdbTimers;
    private final PrintStream out;

    BenchRun(RuleContext ctx, int parallelism, Duration checkpointInterval, Duration maxRun,
            PriorityQueueStateType rocksdbTimers, PrintStream out) {
        this.ctx = ctx;
        this.parallelism = parallelism;
        this.checkpointInterval = checkpointInterval;
        this.maxRun = maxRun;
        this.rocksdbTimers = rocksdbTimers;
        this.out = out;
    }

    Measurement run(Workload w, String backend) throws Exception {
        Progress.reset();
        Path checkpoints = Files.createTempDirectory("gridwarden-bench-");
        Configuration conf = JobEnvironments.base(RuntimeExecutionMode.STREAMING, parallelism);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(StateBackendOptions.STATE_BACKEND, backend);
        conf.set(RocksDBOptions.TIMER_SERVICE_FACTORY, rocksdbTimers);
        // a job cancelled during an asynchronous snapshot logs after its class loader closed: noise, not a leak
        conf.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
        // any free port: a local Flink or another benchmark may hold the default 8081
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = JobEnvironments.create(conf);
        define(env, w);

        MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
                .setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build();
        try (MiniCluster mini = new MiniCluster(cluster)) {
            mini.start();
            long heapBefore = heapAfterGc();
            long rssBefore = rss();
            long cpuBefore = processCpuNanos();
            JobID job = mini.submitJob(env.getStreamGraph()).get().getJobID();
            String stopped = awaitInput(mini, job, w, backend);
            if (stopped != null) {
                return Measurement.failed(w, backend, stopped);
            }
            long checkpointId = checkpointAfterInput(mini, job);
            CompletedCheckpointStats stats = completed(mini, job, checkpointId);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            long heap = heapAfterGc() - heapBefore;
            long rssGrowth = rss() - rssBefore;
            double seconds = (lastBarrierProcessed(stats) - Progress.FIRST_RECORD_AT.get()) / 1000.0;
            mini.cancelJob(job).get();
            return new Measurement(w.name(), backend, Progress.RECORDS.get(), seconds, Progress.ALERTS.get(),
                    cpuSeconds, stats.getStateSize(), stats.getEndToEndDuration(), heap, rssGrowth, w.unit(), w.units(), null);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return Measurement.failed(w, backend, root.getClass().getSimpleName() + ": " + root.getMessage());
        } finally {
            deleteTree(checkpoints);
        }
    }

    private void define(StreamExecutionEnvironment env, Workload w) {
        long marker = w.input().markerTime().toEpochMilli();
        // generation is single-threaded, so event time only moves forward: no record is ever late
        DataStream<Ingested> records = env
                .fromSource(new OpenEndedSequence(w.positions()), WatermarkStrategy.noWatermarks(), "Positions")
                .uid("bench-positions").setParallelism(1)
                .flatMap(w.input()).returns(Ingested.class).uid("bench-input").name("Synthetic input").setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Ingested>forGenerator(c -> new MarkerWatermarks(marker))
                        .withTimestampAssigner((r, previous) -> r.eventTimeMillis()))
                .uid("bench-watermarks").setParallelism(1);
        DataStream<LedgerEvent> ledger = records.flatMap(new LedgerOnly()).returns(LedgerEvent.class)
                .uid("bench-ledger").name("Ledger events").setParallelism(1);
        DataStream<GridReport> reports = records.flatMap(new ReportsOnly()).returns(GridReport.class)
                .uid("bench-reports").name("Grid reports").setParallelism(1);
        List<DataStream<?>> outputs = w.wiring().wire(records, ledger, reports, ctx);
        for (int i = 0; i < outputs.size(); i++) {
            discard(outputs.get(i), i);
        }
    }

    private static <T> void discard(DataStream<T> stream, int i) {
        stream.sinkTo(new CountingSink<>()).uid("bench-sink-" + i).name("Count and drop");
    }

    /** Null once the whole input is out; else why the run stopped (job failed, or too slow). */
    private String awaitInput(MiniCluster mini, JobID job, Workload w, String backend) throws Exception {
        long started = System.currentTimeMillis();
        long nextReport = started + 10_000;
        while (Progress.POSITIONS.get() < w.positions()) {
            long now = System.currentTimeMillis();
            JobStatus status = mini.getJobStatus(job).get();
            if (status.isGloballyTerminalState()) {
                return "job " + status + ": " + mini.requestJobResult(job).get().getSerializedThrowable()
                        .map(t -> t.getOriginalErrorClassName() + ": " + t.getMessage()).orElse("no error");
            }
            if (now >= nextReport) {
                out.printf("  %-24s %-8s %,11d of %,d positions  %,8.0f records/s  heap %,6d MB%n", w.name(), backend,
                        Progress.POSITIONS.get(), w.positions(), rate(), heapUsed() >> 20);
                nextReport += 10_000;
            }
            if (now - started > maxRun.toMillis()) {
                mini.cancelJob(job).get();
                return String.format("stopped after %d s at %,d of %,d positions (%,.0f records/s)",
                        maxRun.toSeconds(), Progress.POSITIONS.get(), w.positions(), rate());
            }
            Thread.sleep(20);
        }
        return null;
    }

    /** A small input can be out before every task runs, and then a checkpoint is refused: try again. */
    private static long checkpointAfterInput(MiniCluster mini, JobID job) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return mini.triggerCheckpoint(job, CheckpointType.FULL).get();
            } catch (ExecutionException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static double rate() {
        long first = Progress.FIRST_RECORD_AT.get();
        long ms = System.currentTimeMillis() - first;
        return first == 0 || ms == 0 ? 0 : Progress.RECORDS.get() * 1000.0 / ms;
    }

    private static CompletedCheckpointStats completed(MiniCluster mini, JobID job, long checkpointId) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            AbstractCheckpointStats stats = mini.getExecutionGraph(job).get()
                    .getCheckpointStatsSnapshot().getHistory().getCheckpointById(checkpointId);
            if (stats instanceof CompletedCheckpointStats completed) {
                return completed;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no statistics for checkpoint " + checkpointId);
    }

    /** When the last subtask got the barrier: its acknowledgement minus the time it spent snapshotting. */
    private static long lastBarrierProcessed(CompletedCheckpointStats stats) {
        long last = 0;
        for (TaskStateStats task : stats.getAllTaskStateStats()) {
            for (SubtaskStateStats s : task.getSubtaskStats()) {
                if (s != null && s.isCompleted()) {
                    long barrier = s.getAckTimestamp() - s.getSyncCheckpointDuration() - s.getAsyncCheckpointDuration();
                    last = Math.max(last, barrier);
                }
            }
        }
        return last;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return heapUsed();
    }

    /** CPU time of the whole process: under contention from other processes, a fairer cost than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Resident set size of this process (Linux), 0 where /proc is missing. */
    private static long rss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static final class LedgerOnly implements FlatMapFunction<Ingested, LedgerEvent> {
        @Override
        public void flatMap(Ingested r, Collector<LedgerEvent> out) {
            if (r.ledgerEvent() != null) {
                out.collect(r.ledgerEvent());
            }
        }
    }

    private static final class ReportsOnly implements FlatMapFunction<Ingested, GridReport> {
        @Override
        public void flatMap(Ingested r, Collector<GridReport> out) {
            if (r.report() != null) {
                out.collect(r.report());
            }
        }
    }
}
