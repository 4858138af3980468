package org.gridwarden.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The results of one {@link CityBench} run as Markdown: the machine, the command, the targets met or missed,
 * and every figure behind them.
 */
final class BenchReport {

    static final double TARGET_REPLAY_EVENTS_PER_SECOND = 250_000;
    static final double TARGET_PER_CORE_SHARE = 0.5;
    static final double TARGET_EVENTS_PER_CPU_SECOND = 50_000;
    static final double TARGET_TWO_RULES_SHARE = 0.6;
    static final double TARGET_P99_MILLIS = 1_000;
    static final int TARGET_P99_RATE = 20_000;
    static final double TARGET_BYTES_PER_OPEN_CASE = 1_024;
    /** The baseline the per-core target is against: decoding included, as the replay's rate includes it. */
    private static final String DETECTOR = "HashMap detector";

    private final Machine machine;
    private final LocalDate date;
    private final String command;
    private double loadBefore;
    private double loadAfter;
    private double minutes;
    private BenchInput input;
    private final List<BaselineResult> baselines = new ArrayList<>();
    private final List<ReplayThroughput> replays = new ArrayList<>();
    private final List<LatencyResult> latencies = new ArrayList<>();
    private final List<Measurement> states = new ArrayList<>();

    BenchReport(Machine machine, LocalDate date, String command) {
        this.machine = machine;
        this.date = date;
        this.command = command;
    }

    LocalDate date() {
        return date;
    }

    void loadBefore(double load) {
        loadBefore = load;
    }

    void loadAfter(double load, double seconds) {
        loadAfter = load;
        minutes = seconds / 60;
    }

    void input(BenchInput in) {
        input = in;
    }

    void baseline(BaselineResult b) {
        baselines.add(b);
    }

    List<BaselineResult> baselines() {
        return baselines;
    }

    void replay(ReplayThroughput r) {
        replays.add(r);
    }

    void latency(LatencyResult l) {
        latencies.add(l);
    }

    void state(Measurement m) {
        states.add(m);
    }

    static String line(BaselineResult b) {
        return String.format(Locale.ROOT, "%s: %,d records in %.2f s = %,.0f/s (%,.0f per CPU-s) %s", b.name(),
                b.records(), b.seconds(), b.rate(), b.cpuRate(), b.counts());
    }

    static String line(ReplayThroughput r) {
        return String.format(Locale.ROOT, "replay %s, %s, parallelism %d: %,d records in %.1f s = %,.0f/s (%,.0f per CPU-s),"
                + " %,d alerts", r.rules(), r.mode(), r.parallelism(), r.records(), r.seconds(), r.rate(), r.cpuRate(), r.alerts());
    }

    static String line(LatencyResult l) {
        return String.format(Locale.ROOT, "%s at %,d/s (achieved %,.0f/s): %,d alerts measured, p50 %.0f ms, p95 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms; beyond p99: %s", l.settings().delivery(), l.settings().eventsPerSecond(),
                l.achievedEventsPerSecond(), l.alertsMeasured(), l.p50Millis(), l.p95Millis(), l.p99Millis(),
                l.maxMillis(), l.rulesBeyondP99().isEmpty() ? "none" : l.rulesBeyondP99());
    }

    /** The targets, met or missed: what the console shows at the end. */
    String summary() {
        StringBuilder md = new StringBuilder();
        md.append("| target | goal | measured | |\n|---|---|---|---|\n");
        Optional<ReplayThroughput> best = best();
        best.ifPresent(r -> md.append(String.format(Locale.ROOT,
                "| replay end to end, parallelism %d | ≥ %,.0f events/s | %,.0f events/s | %s |\n", r.parallelism(),
                TARGET_REPLAY_EVENTS_PER_SECOND, r.rate(), verdict(r.rate() >= TARGET_REPLAY_EVENTS_PER_SECOND,
                        TARGET_REPLAY_EVENTS_PER_SECOND / r.rate()))));
        Optional<BaselineResult> detector = baseline(DETECTOR);
        if (best.isPresent() && detector.isPresent()) {
            double share = perCore(best.get()) / detector.get().rate();
            md.append(String.format(Locale.ROOT,
                    "| per-core rate against the single-threaded HashMap detector | ≥ %.0f %% | %.1f %% (%,.0f of %,.0f"
                            + " events/s) | %s |\n", TARGET_PER_CORE_SHARE * 100, share * 100, perCore(best.get()),
                    detector.get().rate(), verdict(share >= TARGET_PER_CORE_SHARE, TARGET_PER_CORE_SHARE / share)));
        }
        best.ifPresent(r -> md.append(String.format(Locale.ROOT,
                "| replay per CPU-second, all rules | ≥ %,.0f events per CPU-s | %,.0f | %s |\n",
                TARGET_EVENTS_PER_CPU_SECOND, r.cpuRate(), verdict(r.cpuRate() >= TARGET_EVENTS_PER_CPU_SECOND,
                        TARGET_EVENTS_PER_CPU_SECOND / r.cpuRate()))));
        Optional<ReplayThroughput> two = replays.stream().filter(r -> !r.allRules()).findFirst();
        if (two.isPresent() && detector.isPresent()) {
            double share = two.get().cpuRate() / detector.get().cpuRate();
            md.append(String.format(Locale.ROOT,
                    "| %s only, per CPU-s, against the HashMap detector | ≥ %.0f %% | %.1f %% (%,.0f of %,.0f) | %s |\n",
                    two.get().rules(), TARGET_TWO_RULES_SHARE * 100, share * 100, two.get().cpuRate(),
                    detector.get().cpuRate(), verdict(share >= TARGET_TWO_RULES_SHARE, TARGET_TWO_RULES_SHARE / share)));
        }
        latencies.stream().filter(l -> l.settings().delivery() == DeliveryGuarantee.AT_LEAST_ONCE
                        && l.settings().eventsPerSecond() == TARGET_P99_RATE).findFirst()
                .ifPresent(l -> md.append(String.format(Locale.ROOT,
                        "| live p99 at %,d events/s, at-least-once | ≤ %,.0f ms | %,.0f ms | %s |\n", TARGET_P99_RATE,
                        TARGET_P99_MILLIS, l.p99Millis(), l.p99Millis() <= TARGET_P99_MILLIS ? "met"
                                : String.format(Locale.ROOT, "missed (%.1f× over)", l.p99Millis() / TARGET_P99_MILLIS))));
        for (Measurement m : states) {
            if (m.workload().equals("overdue") && m.error() == null) {
                md.append(String.format(Locale.ROOT, "| state per open case, %s | ≤ 1 KiB | %,.0f bytes | %s |\n",
                        m.backend(), m.bytesPerUnit(), m.bytesPerUnit() <= TARGET_BYTES_PER_OPEN_CASE ? "met"
                                : String.format(Locale.ROOT, "missed (%.1f× over)",
                                        m.bytesPerUnit() / TARGET_BYTES_PER_OPEN_CASE)));
            }
        }
        return md.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results, ").append(date).append("\n\n");
        md.append("- **Command:** `").append(command).append("` (").append(String.format(Locale.ROOT, "%.1f", minutes))
                .append(" min in all)\n");
        md.append("- **Machine:** ").append(machine.describe()).append('\n');
        md.append(String.format(Locale.ROOT, "- **Load average:** %.1f before, %.1f after, on %d cores: above %d, other"
                + " processes shared the CPU and wall-clock rates are low; rates per CPU-second are the fairer"
                + " comparison then.%n", loadBefore, loadAfter, machine.cores(), machine.cores()));
        if (input != null) {
            md.append(String.format(Locale.ROOT, "- **Input:** %d generated day(s) of a city of %,d grids, %,d lines"
                            + " (%,.1f MB) in `%s`%s.%n", input.days(), input.reference().grids().size(), input.lines(),
                    input.bytes() / 1e6, input.dir().getFileName(), input.generationSeconds() > 0
                            ? String.format(Locale.ROOT, ", generated in %.1f s (%,.0f lines/s)",
                                    input.generationSeconds(), input.lines() / input.generationSeconds())
                            : ", reused"));
        }
        md.append("\n## Targets\n\n").append(summary());
        throughput(md);
        latency(md);
        if (!states.isEmpty()) {
            md.append("\n## State per unit, heap (`hashmap`) and RocksDB\n\n");
            md.append("The rule operators of each family over synthetic input of known size (see"
                    + " `docs/state-backend.md`); bytes per unit = the size of a full checkpoint taken after the input"
                    + " ÷ the units of state it leaves.\n\n");
            md.append(ResultTable.markdown(states));
        }
        return md.toString();
    }

    private void throughput(StringBuilder md) {
        md.append("\n## Replay throughput and the baselines, same files\n\n");
        md.append("| run | threads | records | wall s | events/s | CPU s | events per CPU-s | counted |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|---|\n");
        for (BaselineResult b : baselines) {
            md.append(String.format(Locale.ROOT, "| %s | 1 | %,d | %.2f | %,.0f | %.2f | %,.0f | %s |\n", b.name(),
                    b.records(), b.seconds(), b.rate(), b.cpuSeconds(), b.cpuRate(), b.counts()));
        }
        for (ReplayThroughput r : replays) {
            md.append(String.format(Locale.ROOT, "| gridwarden replay (%s, %s) | parallelism %d | %,d | %.1f | %,.0f |"
                            + " %.1f | %,.0f | %,d alerts |\n", r.mode(), r.rules(), r.parallelism(), r.records(), r.seconds(), r.rate(),
                    r.cpuSeconds(), r.cpuRate(), r.alerts()));
        }
        if (replays.isEmpty() || baselines.isEmpty()) {
            return;
        }
        md.append("\nOur rate per core against each baseline. *Per core* is the replay's rate ÷ its parallelism;"
                + " *per CPU-s* divides records by the CPU time of the whole process (every Flink thread, GC and"
                + " JIT), the baselines' by their own CPU time.\n\n");
        md.append("| baseline | baseline events/s |");
        replays.forEach(r -> md.append(" ").append(r.rules()).append(", parallelism ").append(r.parallelism())
                .append(", per core |"));
        md.append(" per CPU-s |\n|---|--:|");
        replays.forEach(r -> md.append("--:|"));
        md.append("--:|\n");
        ReplayThroughput best = best().orElse(replays.get(replays.size() - 1));
        for (BaselineResult b : baselines) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f |", b.name(), b.rate()));
            replays.forEach(r -> md.append(String.format(Locale.ROOT, " %,.0f = %.1f %% |", perCore(r),
                    100 * perCore(r) / b.rate())));
            md.append(String.format(Locale.ROOT, " %,.0f = %.1f %% |\n", best.cpuRate(), 100 * best.cpuRate() / b.cpuRate()));
        }
    }

    private void latency(StringBuilder md) {
        if (latencies.isEmpty()) {
            return;
        }
        md.append("\n## Live latency, in-JVM Kafka broker, parallelism 2\n\n");
        md.append("Latency of an alert = when it is read from its department's topic − when the first input line at"
                + " or after its event time was produced (see `LiveLatencyBench`). Percentiles over the alerts decided"
                + " in the measured window, after a warm-up.\n\n");
        md.append("| guarantee | checkpoints | target events/s | achieved | alerts measured | p50 ms | p95 ms | p99 ms |"
                + " max ms | backlog at the end | rules of the alerts beyond p99 |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (LatencyResult l : latencies) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,d | %s |\n",
                    l.settings().delivery(), l.settings().checkpointInterval().toMillis() + " ms",
                    l.settings().eventsPerSecond(), l.achievedEventsPerSecond(), l.alertsMeasured(), l.p50Millis(),
                    l.p95Millis(), l.p99Millis(), l.maxMillis(), l.backlogAtWindowEnd(), l.rulesBeyondP99()));
        }
    }

    /**
     * The all-rules replay at the highest parallelism, the one the targets are about; of several at that
     * parallelism ({@code --parallelism 1,2,2,2}), the last, whose JVM has compiled the most of its code.
     */
    private Optional<ReplayThroughput> best() {
        return replays.stream().filter(ReplayThroughput::allRules)
                .reduce((a, b) -> a.parallelism() > b.parallelism() ? a : b);
    }

    private Optional<BaselineResult> baseline(String name) {
        return baselines.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    private static double perCore(ReplayThroughput r) {
        return r.rate() / r.parallelism();
    }

    private static String verdict(boolean met, double factor) {
        return met ? "met" : String.format(Locale.ROOT, "missed (%.1f× short)", factor);
    }
}
