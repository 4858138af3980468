package org.gridwarden.jobs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.gridwarden.jobs.generate.GenerationSummary;
import org.gridwarden.jobs.generate.GeneratorSettings;
import org.gridwarden.jobs.generate.Layout;
import org.gridwarden.jobs.generate.StreamGenerator;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write deterministic, realistic input streams of the district (grid-reports.jsonl,"
                + " ledger-events.jsonl) with every rule's failure modes injected, and a manifest of the alerts"
                + " each rule must raise.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--days", required = true, description = "Simulated days.")
    int days;

    @Option(names = "--seed", required = true, description = "The same seed gives the same files.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--start", paramLabel = "DATE", description = "First simulated day (default 2026-11-02).")
    LocalDate start;

    @Option(names = "--layout", defaultValue = "SINGLE", paramLabel = "single|days",
            description = "single: one file per stream (default); days: a day archive, DIR/YYYY-MM-DD/ with both"
                    + " streams of each local day; replay with --emit-from reads only the days it needs.")
    Layout layout;

    @Mixin
    DistrictOptions district;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, not " + days);
        }
        ReferenceData reference = district.loadReference();
        RuleSet ruleSet = district.loadRuleSet(reference);
        Instant began = Instant.now();
        GenerationSummary s = StreamGenerator.generate(reference, ruleSet,
                new GeneratorSettings(days, seed, start != null ? start : GeneratorSettings.DEFAULT_START, layout), out,
                line -> System.out.println("  " + line));
        double seconds = Math.max(0.001, Duration.between(began, Instant.now()).toMillis() / 1000.0);
        long lines = s.gridReports().lines() + s.ledgerEvents().lines();
        System.out.printf("Wrote %d lines (%d reports, %d ledger events) to %s in %.1f s (%.0f lines/s);"
                        + " %d cases, %d overdue at the horizon %s; manifest: %s%n", lines, s.gridReports().lines(),
                s.ledgerEvents().lines(), out, seconds, lines / seconds, s.cases().created(), s.overdueCases().size(),
                s.horizon(), out.resolve(StreamGenerator.MANIFEST));
        return 0;
    }
}
