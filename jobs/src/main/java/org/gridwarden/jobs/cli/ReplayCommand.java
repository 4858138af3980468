package org.gridwarden.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the rules over JSON-lines history (grid-reports*.jsonl, ledger-events*.jsonl) in event"
                + " time and write alerts/<department>.jsonl, alerts/all.jsonl and dlq.jsonl.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Directory of input files.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the outputs.")
    Path out;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Replay horizon, e.g. 2026-11-20T18:00:00+08:00: no alert after it. Default: the newest event.")
    Instant until;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--mode", defaultValue = "BATCH",
            description = "BATCH (default) or STREAMING: the live code path over the files; both raise the same alerts.")
    org.apache.flink.api.common.RuntimeExecutionMode mode;

    @Mixin
    DistrictOptions district;

    @Override
    public Integer call() throws Exception {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
        }
        if (!java.nio.file.Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + ": not a directory");
        }
        PrintStream console = System.out;
        ReferenceData reference = district.loadReference();
        RuleSetHistory history = district.loadHistory(reference);
        console.printf("Replaying %s with rule set %s over %s (%d grids)%n", input,
                history.versions().stream().map(rs -> rs.version() + " from " + rs.effectiveFrom())
                        .collect(java.util.stream.Collectors.joining(", ")),
                reference.district().name(), reference.grids().size());
        ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(input, out, until, parallelism, mode), reference,
                history, console);
        summary.print(console);
        console.println("Outputs in " + out.toAbsolutePath());
        return 0;
    }

    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "'" + value + "' is not an ISO-8601 time with offset such as 2026-11-20T18:00:00+08:00");
            }
        }
    }
}
