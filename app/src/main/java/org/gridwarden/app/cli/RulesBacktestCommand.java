package org.gridwarden.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridwarden.jobs.backtest.BacktestChanges;
import org.gridwarden.jobs.backtest.BacktestComparison;
import org.gridwarden.jobs.backtest.BacktestFiles;
import org.gridwarden.jobs.backtest.BacktestJob;
import org.gridwarden.jobs.backtest.BacktestRun;
import org.gridwarden.jobs.backtest.Side;
import org.gridwarden.jobs.options.PseudonymKeyOption;
import org.gridwarden.jobs.options.ReferenceOption;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetException;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridwarden rules backtest}: what a changed rule set would have raised on history, against the current one. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run the baseline and the candidate rule sets over the same history in one bounded run;"
                + " print alerts per rule, level and department on each side with the difference, and write the"
                + " alerts only one side raised (only-candidate.jsonl, only-baseline.jsonl) and those both raised"
                + " differently (changed.jsonl).")
public final class RulesBacktestCommand implements Callable<Integer> {

    @Option(names = "--baseline", required = true, paramLabel = "FILE|DIR", split = ",",
            description = "The rule sets as they are: a YAML file, several, or a directory of *.yaml; each applies"
                    + " to events from its effectiveFrom on.")
    List<Path> baseline;

    @Option(names = "--candidate", required = true, paramLabel = "FILE|DIR", split = ",",
            description = "The rule sets as proposed, given the same way.")
    List<Path> candidate;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "Directory of history (grid-reports*.jsonl, ledger-events*.jsonl, or .gz).")
    Path input;

    @Option(names = "--from", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "Read only events from this time on: a date (2026-12-01, from its start), a district time"
                    + " (2026-12-01T08:00) or a time with offset (2026-12-01T08:00:00+08:00). Default: all.")
    DistrictTime fromOption;

    @Option(names = "--to", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "Read only events before this time (a date: up to its end, the next midnight); no alert"
                    + " after it is counted. Default: up to the newest event.")
    DistrictTime toOption;

    @Mixin
    ReferenceOption reference;

    @Mixin
    PseudonymKeyOption pseudonymKey;

    @Option(names = "--out", defaultValue = "backtest-out", paramLabel = "DIR",
            description = "Directory for the alert files (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--changes-only",
            description = "Print only the table lines with a difference, then each alert that differs: moved (same"
                    + " rule, subject and level at another time, with the old and new time), removed, added or"
                    + " changed.")
    boolean changesOnly;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + ": not a directory");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
        }
        ReferenceData referenceData = reference.load();
        ZoneId zone = ZoneId.of(referenceData.district().timeZone());
        Instant from = DistrictTime.start(fromOption, zone);
        Instant to = DistrictTime.end(toOption, zone);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "--from " + local(from, zone) + " is not before --to " + local(to, zone));
        }
        RuleSetHistory baselineHistory = load(Side.BASELINE, baseline, referenceData);
        RuleSetHistory candidateHistory = load(Side.CANDIDATE, candidate, referenceData);

        PrintWriter console = spec.commandLine().getOut();
        console.printf("Backtest over %s (%s, %d grids)%n", input, referenceData.district().name(),
                referenceData.grids().size());
        console.println("  baseline:  " + describe(baselineHistory, zone));
        console.println("  candidate: " + describe(candidateHistory, zone));
        console.println("  events:    " + (from == null ? "from the first" : "from " + local(from, zone))
                + (to == null ? " to the newest" : " before " + local(to, zone)));
        BacktestRun run = BacktestJob.run(new BacktestJob.Settings(input, from, to, parallelism,
                pseudonymKey.required()), referenceData, baselineHistory, candidateHistory, console::println);
        BacktestComparison comparison = BacktestComparison.of(run);

        console.println();
        comparison.print(console, changesOnly);
        console.printf("Horizon %s: %,d later alerts of both sides not counted%n", local(run.horizon(), zone),
                run.alertsAfterHorizon());
        BacktestFiles.write(out, comparison);
        if (changesOnly) {
            console.println();
            BacktestChanges.of(comparison).print(console, zone);
        }
        console.println();
        printFile(console, BacktestFiles.ONLY_CANDIDATE, comparison.onlyCandidate());
        printFile(console, BacktestFiles.ONLY_BASELINE, comparison.onlyBaseline());
        printFile(console, BacktestFiles.CHANGED,
                comparison.changed().stream().map(BacktestComparison.ChangedAlert::candidate).toList());
        console.printf("Read %,d records (%,d in the window) in %.1f s: %,.0f records/s%n", run.recordsRead(),
                run.recordsInWindow(), run.took().toMillis() / 1000.0, run.recordsPerSecond());
        return 0;
    }

    /** The side's rule sets, every problem named with the side, its file and where in it. */
    private static RuleSetHistory load(Side side, List<Path> paths, ReferenceData reference) {
        try {
            return RuleSetLoader.loadHistory(paths, reference);
        } catch (RuleSetException e) {
            String name = side.name().toLowerCase();
            throw new RuleSetException(e.problems().stream().map(p -> name + " " + p).toList());
        }
    }

    private static String describe(RuleSetHistory history, ZoneId zone) {
        return history.versions().stream().map(rs -> rs.version() + " from " + local(rs.effectiveFrom(), zone))
                .collect(Collectors.joining(", "));
    }

    /** A time as the district reads it, the way --from and --to are written. */
    private static String local(Instant t, ZoneId zone) {
        return t.equals(Instant.MIN) ? "none (no event)" : OffsetDateTime.ofInstant(t, zone).toString();
    }

    private void printFile(PrintWriter console, String name, List<Alert> alerts) {
        Map<String, Long> byRule = BacktestComparison.countByRule(alerts);
        console.printf("%-21s %,6d alerts%s  %s%n", name, alerts.size(),
                byRule.isEmpty() ? "" : " (" + byRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")) + ")",
                out.resolve(name).toAbsolutePath());
    }
}
