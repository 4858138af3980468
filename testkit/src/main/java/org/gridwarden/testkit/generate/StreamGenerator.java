package org.gridwarden.testkit.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.gridwarden.connectors.codec.ContractJson;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.testkit.generate.GenerationSummary.CaseSummary;

/**
 * Generates realistic input streams for a district (input contract v1): {@code grid-reports.jsonl},
 * {@code ledger-events.jsonl} (or a day archive of them, {@link Layout#DAYS}) and {@code manifest.json}, which
 * says what was written, which cases the overdue rule must flag and exactly which alerts each risk rule must
 * raise ({@link AlertOracle}). Deterministic: the same reference data, rule set and settings give the same bytes.
 * Streams to disk a day at a time, writing one day while the next is simulated; only cases still running and
 * what the manifest needs are kept in memory.
 */
public final class StreamGenerator {

    public static final String MANIFEST = "manifest.json";
    public static final String GRID_REPORTS = StreamSpec.REPORTS.fileName();
    public static final String LEDGER_EVENTS = StreamSpec.LEDGER.fileName();

    /** How often a long run says how far it got. */
    private static final long STATUS_SECONDS = 2;

    private StreamGenerator() {}

    /**
     * Writes the files into {@code outDir} (created if missing, files replaced) and returns the manifest.
     *
     * @param progress receives one line per simulated day
     */
    public static GenerationSummary generate(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings,
            Path outDir, Consumer<String> progress) throws IOException {
        return generate(reference, ruleSet, settings, outDir, progress, status -> {});
    }

    /**
     * As {@link #generate(ReferenceData, RuleSet, GeneratorSettings, Path, Consumer)}, and every two seconds of a
     * long run, a line on how far it got within the day: grids simulated, lines written, lines per second.
     */
    public static GenerationSummary generate(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings,
            Path outDir, Consumer<String> progress, Consumer<String> status) throws IOException {
        return run(reference, ruleSet, settings, outDir, progress, status).summary();
    }

    /**
     * A run's manifest and, for checking the manifest, the alerts the simulator injected on purpose, and the
     * events each day planned: its reports and the whole lives of its cases, later steps included.
     */
    record Run(GenerationSummary summary, Map<String, List<String>> injected, List<Long> eventsPerDay) {}

    static Run run(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings, Path outDir,
            Consumer<String> progress) throws IOException {
        return run(reference, ruleSet, settings, outDir, progress, status -> {});
    }

    static Run run(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings, Path outDir,
            Consumer<String> progress, Consumer<String> status) throws IOException {
        Files.createDirectories(outDir);
        ContractJson json = new ContractJson(reference.zone());
        Dice dice = new Dice(settings.seed());
        DistrictSimulator district = new DistrictSimulator(reference, ruleSet, settings.rates(), dice.split());
        Malformer malformer = new Malformer(reference, json, dice.split());
        AlertOracle oracle = settings.expectedAlerts() == ExpectedAlerts.RECORDS
                ? new AlertOracle(reference, ruleSet) : null;
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("generate-writer"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("generate-status"));
        GenerationSummary summary;
        Map<String, List<String>> injected;
        List<Long> eventsPerDay = new ArrayList<>();
        try (JsonlStream<GridReport> reports =
                        new JsonlStream<>(outDir, settings.layout(), StreamSpec.REPORTS, json, malformer, dice.split());
                JsonlStream<LedgerEvent> ledger =
                        new JsonlStream<>(outDir, settings.layout(), StreamSpec.LEDGER, json, malformer, dice.split())) {
            Pace pace = new Pace(settings, reference.grids().size(), district, reports, ledger);
            ticker.scheduleAtFixedRate(() -> status.accept(pace.describe()), STATUS_SECONDS, STATUS_SECONDS,
                    TimeUnit.SECONDS);
            Future<?> writing = null;
            for (int i = 0; i < settings.days(); i++) {
                LocalDate day = settings.startDay().plusDays(i);
                long plannedBefore = district.planned();
                pace.simulating = day;
                district.simulate(day);
                Instant end = day.plusDays(1).atStartOfDay(reference.zone()).toInstant();
                Schedule.Released<GridReport> dueReports = district.reports().releaseBefore(end);
                Schedule.Released<LedgerEvent> dueEvents = district.ledger().releaseBefore(end);
                long simulated = district.planned() - plannedBefore;
                eventsPerDay.add(simulated);
                String of = String.format(Locale.ROOT, "%s  day %d/%d", day, i + 1, settings.days());
                await(writing);
                writing = writer.submit(() -> {
                    pace.writing = day;
                    List<GridReport> dayReports = dueReports.inOrder();
                    List<LedgerEvent> dayEvents = dueEvents.inOrder();
                    if (oracle != null) {
                        dayReports.forEach(oracle::report);
                        dayEvents.forEach(oracle::event);
                    }
                    reports.writeDay(day, dayReports);
                    ledger.writeDay(day, dayEvents);
                    progress.accept(String.format(Locale.ROOT, "%s  %,d report lines  %,d ledger lines"
                                    + "  (the day: %,d events, its cases' later steps included)", of,
                            reports.lines(), ledger.lines(), simulated));
                    pace.writing = null;
                    return null;
                });
            }
            await(writing);
            pace.simulating = null;
            pace.writing = null;
            Instant horizon = latest(reports.newest(), ledger.newest());
            injected = district.injections().by(horizon);
            Map<String, List<String>> expected = horizon == null || oracle == null ? injected
                    : oracle.expected(horizon);
            summary = summarize(reference, ruleSet, settings, district.outcomes(), horizon, reports, ledger, expected,
                    injected);
        } finally {
            ticker.shutdownNow();
            writer.shutdownNow();
        }
        json.writePretty(outDir.resolve(MANIFEST), summary);
        return new Run(summary, injected, List.copyOf(eventsPerDay));
    }

    /** How far a run got, for the status line. */
    private static final class Pace {
        private final GeneratorSettings settings;
        private final int grids;
        private final DistrictSimulator district;
        private final JsonlStream<?> reports;
        private final JsonlStream<?> ledger;
        private final long began = System.nanoTime();
        volatile LocalDate simulating;
        volatile LocalDate writing;

        Pace(GeneratorSettings settings, int grids, DistrictSimulator district, JsonlStream<?> reports,
                JsonlStream<?> ledger) {
            this.settings = settings;
            this.grids = grids;
            this.district = district;
            this.reports = reports;
            this.ledger = ledger;
        }

        String describe() {
            LocalDate sim = simulating;
            LocalDate wrote = writing;
            long lines = reports.lines() + ledger.lines();
            double seconds = (System.nanoTime() - began) / 1e9;
            String doing = sim == null && wrote == null ? "working out the expected alerts"
                    : (sim == null ? "" : String.format(Locale.ROOT, "simulating %s (day %d/%d): %,d/%,d grids", sim,
                            ChronoUnit.DAYS.between(settings.startDay(), sim) + 1, settings.days(), district.gridsDone(), grids))
                            + (sim != null && wrote != null ? "; " : "")
                            + (wrote == null ? "" : "writing " + wrote);
            return String.format(Locale.ROOT, "%s; %,d lines written, %,.0f lines/s", doing, lines, lines / seconds);
        }
    }

    private static void await(Future<?> writing) throws IOException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static GenerationSummary summarize(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings,
            List<CaseOutcome> outcomes, Instant horizon, JsonlStream<GridReport> reports,
            JsonlStream<LedgerEvent> ledger, Map<String, List<String>> expected, Map<String, List<String>> injected) {
        List<CaseOutcome> written = horizon == null ? List.of()
                : outcomes.stream().filter(o -> o.createdBy(horizon)).toList();
        List<String> overdue = caseIds(written, o -> o.overdueBy(horizon));
        List<String> onTime = caseIds(written, o -> o.closedOnTimeBy(horizon));
        long open = written.stream().filter(o -> !o.finishedBy(horizon)).count();
        long cancelled = written.stream().filter(o -> o.cancelled() && o.finishedBy(horizon)).count();
        CaseSummary cases = new CaseSummary(written.size(), open, cancelled, overdue.size(), onTime.size());
        return new GenerationSummary(settings.startDay(), settings.days(), settings.seed(), reference.zone().getId(),
                ruleSet.version(), horizon, reports.summary(), ledger.summary(), cases, overdue, onTime, expected,
                counts(injected));
    }

    private static Map<String, Integer> counts(Map<String, List<String>> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach((rule, list) -> counts.put(rule, list.size()));
        return counts;
    }

    private static List<String> caseIds(List<CaseOutcome> outcomes, Predicate<CaseOutcome> filter) {
        return outcomes.stream().filter(filter).map(CaseOutcome::caseId).sorted().toList();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }
}
