package org.gridwarden.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.testkit.generate.CityPreset;
import org.gridwarden.testkit.generate.CityRates;
import org.gridwarden.testkit.generate.CityReference;
import org.gridwarden.testkit.generate.ExpectedAlerts;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.Layout;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write deterministic, realistic input streams of the district or of a city of any size"
                + " (grid-reports.jsonl, ledger-events.jsonl) with every rule's failure modes injected, and a"
                + " manifest of the alerts each rule must raise.")
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

    @Option(names = "--city", defaultValue = "SAMPLE", paramLabel = "sample|megacity",
            description = "sample (default): the reference data's grids at the sample district's rates;"
                    + " megacity: 30,000 grids (about 30 million residents) at a megacity's rates, about 400,000"
                    + " events a simulated day. The options below change a preset's size or rates.")
    CityPreset city;

    @Option(names = "--grids", paramLabel = "N",
            description = "Grids in the city (default: the preset's; for sample, the reference data's, 265 for the"
                    + " sample district). Another number writes a city's reference data to DIR/reference, grown"
                    + " from the reference data with the same streets, departments, categories and calendar, and"
                    + " simulates that city.")
    Integer grids;

    @Option(names = "--patrol-rounds", paramLabel = "N",
            description = "Patrol rounds a grid worker walks a day (sample 1, megacity 2); now and then a worker"
                    + " skips a day, never two running.")
    Integer patrolRounds;

    @Option(names = "--visits-per-grid", paramLabel = "RATE",
            description = "Household visits per grid per day (sample 0.2, megacity 1.0).")
    Double visitsPerGrid;

    @Option(names = "--hazards-per-grid", paramLabel = "RATE",
            description = "Hazards a grid worker finds per grid per day (sample 0.03, megacity 0.1), most of them"
                    + " filed as GRID cases.")
    Double hazardsPerGrid;

    @Option(names = "--intake", paramLabel = "CHANNEL=RATE", split = ",",
            description = "Cases opened per 1,000 residents per day through a channel, e.g. --intake hotline=0.5"
                    + " (repeat, or separate with commas). Sample: hotline 0.11, app 0.055, window 0.04,"
                    + " inspection 0.02, sensor 0.015; megacity: hotline 0.62, app 0.38, window 0.05, inspection"
                    + " 0.04, sensor 0.1. Window and inspection cases come on working days only. Residents of a"
                    + " grid: its households times 2.5. The rates are those of a grid of typical activity; some"
                    + " grids are busier, so a city's average is about 6%% higher.")
    Map<Channel, Double> intake;

    @Option(names = "--expected-alerts", defaultValue = "RECORDS", paramLabel = "records|injected",
            description = "Where the manifest's expected alerts come from. records (default): worked out again"
                    + " from the records as written, a restatement of each rule, which would catch an alert raised"
                    + " by accident; it keeps the records the rules look at until the end. injected: the failures"
                    + " injected on purpose, without keeping any record: for long runs of a big city, whose memory"
                    + " then stays flat. Both agree unless something raises an alert by accident, which the tests"
                    + " check for the sample district and for a grown city.")
    ExpectedAlerts expectedAlerts;

    @Mixin
    DistrictOptions district;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, not " + days);
        }
        PrintWriter console = spec.commandLine().getOut();
        CityRates rates = rates();
        ReferenceData reference = district.loadReference();
        int size = grids != null ? grids : city.grids(reference.grids().size());
        if (size < 1) {
            throw new IllegalArgumentException("--grids must be at least 1, not " + size);
        }
        Path cityReference = null;
        if (size != reference.grids().size()) {
            cityReference = out.resolve(CityReference.DIRECTORY);
            CityReference.write(district.reference.directory(), reference, size, cityReference);
            reference = ReferenceDataLoader.load(cityReference);
            console.printf("Wrote the reference data of a city of %,d grids to %s%n", size, cityReference);
        }
        RuleSet ruleSet = district.loadRuleSet(reference);
        console.println(describe(reference, rates));
        Instant began = Instant.now();
        GenerationSummary s = StreamGenerator.generate(reference, ruleSet,
                new GeneratorSettings(days, seed, start != null ? start : GeneratorSettings.DEFAULT_START, layout,
                        rates, expectedAlerts), out, line -> console.println("  " + line),
                line -> console.println("  … " + line));
        double seconds = Math.max(0.001, Duration.between(began, Instant.now()).toMillis() / 1000.0);
        long lines = s.gridReports().lines() + s.ledgerEvents().lines();
        console.printf("Wrote %d lines (%d reports, %d ledger events) to %s in %.1f s (%.0f lines/s);"
                        + " %d cases, %d overdue at the horizon %s; manifest: %s%n", lines, s.gridReports().lines(),
                s.ledgerEvents().lines(), out, seconds, lines / seconds, s.cases().created(), s.overdueCases().size(),
                DistrictTime.local(s.horizon(), reference.zone()), out.resolve(StreamGenerator.MANIFEST));
        console.println("Replay it: gridwarden replay --input " + out + " --out " + out.resolve("replay")
                + (cityReference != null ? " --reference " + cityReference : "")
                + (district.rules != null ? " --rules " + district.rules.stream().map(Path::toString)
                        .collect(Collectors.joining(",")) : ""));
        return 0;
    }

    /** The preset's rates with the ones given on the command line. */
    private CityRates rates() {
        CityRates rates = city.rates();
        if (patrolRounds != null) {
            if (patrolRounds < 1) {
                throw new IllegalArgumentException("--patrol-rounds must be at least 1, not " + patrolRounds);
            }
            rates = rates.withPatrolRounds(patrolRounds);
        }
        if (visitsPerGrid != null) {
            rates = rates.withVisitsPerGrid(rate("--visits-per-grid", visitsPerGrid));
        }
        if (hazardsPerGrid != null) {
            rates = rates.withHazardsPerGrid(rate("--hazards-per-grid", hazardsPerGrid));
        }
        if (intake == null) {
            return rates;
        }
        intake.forEach((channel, rate) -> {
            String option = "--intake " + channel.name().toLowerCase(Locale.ROOT);
            if (!CityRates.INTAKE_CHANNELS.contains(channel)) {
                throw new IllegalArgumentException(option + ": give hotline, app, window, inspection or sensor;"
                        + " GRID cases come from the hazards grid workers report (--hazards-per-grid)");
            }
            rate(option, rate);
        });
        return rates.withIntake(intake);
    }

    private static double rate(String option, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(option + ": a rate must be 0 or more, not " + rate);
        }
        return rate;
    }

    private static String describe(ReferenceData reference, CityRates rates) {
        long households = reference.grids().stream().mapToLong(g -> g.grid().households()).sum();
        String intake = CityRates.INTAKE_CHANNELS.stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT) + " " + rates.casesPerThousandResidents().get(c))
                .collect(Collectors.joining(", "));
        long communities = reference.grids().stream().map(g -> g.community().id()).distinct().count();
        return String.format(Locale.ROOT, "City: %,d grids in %,d communities, %,.0f residents (%,d households);"
                        + " per grid a day: %d patrol round%s, %s visits, %s hazards; cases per 1,000 residents a"
                        + " day: %s (%.3f in all)", reference.grids().size(), communities,
                households * CityRates.RESIDENTS_PER_HOUSEHOLD, households, rates.patrolRounds(),
                rates.patrolRounds() == 1 ? "" : "s", rates.visitsPerGrid(), rates.hazardsPerGrid(), intake,
                rates.casesPerThousandResidentsInAll());
    }
}
