package org.gridwarden.jobs.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.gridwarden.jobs.generate.GenerationSummary.CaseSummary;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * Generates realistic input streams for a district (input contract v1): {@code grid-reports.jsonl},
 * {@code ledger-events.jsonl} (or a day archive of them, {@link Layout#DAYS}) and {@code manifest.json}, which says what was written, which cases the
 * overdue rule must flag and exactly which alerts each risk rule must raise ({@link AlertOracle}). Deterministic: the same reference data, rule set and settings give the same bytes.
 * Streams to disk a day at a time; only cases still running are kept in memory.
 */
public final class StreamGenerator {

    public static final String MANIFEST = "manifest.json";
    public static final String GRID_REPORTS = StreamSpec.REPORTS.fileName();
    public static final String LEDGER_EVENTS = StreamSpec.LEDGER.fileName();

    private StreamGenerator() {}

    /**
     * Writes the files into {@code outDir} (created if missing, files replaced) and returns the manifest.
     *
     * @param progress receives one line per simulated day
     */
    public static GenerationSummary generate(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings,
            Path outDir, Consumer<String> progress) throws IOException {
        return run(reference, ruleSet, settings, outDir, progress).summary();
    }

    /** A run's manifest and, for checking the manifest, the alerts the simulator injected on purpose. */
    record Run(GenerationSummary summary, Map<String, List<String>> injected) {}

    static Run run(ReferenceData reference, RuleSet ruleSet, GeneratorSettings settings, Path outDir,
            Consumer<String> progress) throws IOException {
        Files.createDirectories(outDir);
        ContractJson json = new ContractJson(reference.zone());
        Dice dice = new Dice(settings.seed());
        DistrictSimulator district = new DistrictSimulator(reference, ruleSet, settings.rates(), dice.split());
        Malformer malformer = new Malformer(reference, json, dice.split());
        AlertOracle oracle = new AlertOracle(reference, ruleSet);
        GenerationSummary summary;
        Map<String, List<String>> injected;
        try (JsonlStream<GridReport> reports =
                        new JsonlStream<>(outDir, settings.layout(), StreamSpec.REPORTS, json, malformer, dice.split());
                JsonlStream<LedgerEvent> ledger =
                        new JsonlStream<>(outDir, settings.layout(), StreamSpec.LEDGER, json, malformer, dice.split())) {
            for (int i = 0; i < settings.days(); i++) {
                LocalDate day = settings.startDay().plusDays(i);
                district.simulate(day);
                Instant end = day.plusDays(1).atStartOfDay(reference.zone()).toInstant();
                List<GridReport> dayReports = district.reports().takeBefore(end);
                List<LedgerEvent> dayEvents = district.ledger().takeBefore(end);
                dayReports.forEach(oracle::report);
                dayEvents.forEach(oracle::event);
                reports.writeDay(day, dayReports);
                ledger.writeDay(day, dayEvents);
                progress.accept(String.format(Locale.ROOT, "%s  day %d/%d  %,d report lines  %,d ledger lines",
                        day, i + 1, settings.days(), reports.lines(), ledger.lines()));
            }
            Instant horizon = latest(reports.newest(), ledger.newest());
            injected = district.injections().by(horizon);
            Map<String, List<String>> expected = horizon == null ? injected : oracle.expected(horizon);
            summary = summarize(reference, ruleSet, settings, district.outcomes(), horizon, reports, ledger, expected,
                    injected);
        }
        json.writePretty(outDir.resolve(MANIFEST), summary);
        return new Run(summary, injected);
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
