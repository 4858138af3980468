package org.gridwarden.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GeneratedFiles.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cities bigger than the sample district: what they generate scales with their grids and residents as the
 * rates say, a megacity's day is about 400,000 events, and a replay of a city raises exactly the manifest's alerts.
 */
class CityGenerationTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Busier than the sample, so that two days of 600 grids give counts that tell the rates apart. */
    private static final CityRates BUSY = new CityRates(3, 0.5, 0.05, Map.of(Channel.HOTLINE, 0.4, Channel.APP, 0.3,
            Channel.WINDOW, 0.1, Channel.INSPECTION, 0.05, Channel.SENSOR, 0.08));
    /** Mean of the log-normal spread of grids' activity around 1 (sigma 0.35). */
    private static final double MEAN_SPREAD = Math.exp(0.35 * 0.35 / 2);

    @TempDir
    static Path dir;

    private static ReferenceData city;
    private static RuleSet ruleSet;

    @BeforeAll
    static void growACity() throws IOException {
        CityReference.write(Fixtures.sampleData().resolve("reference"), Fixtures.reference(), 600,
                dir.resolve("reference"));
        city = ReferenceDataLoader.load(dir.resolve("reference"));
        ruleSet = RuleSetLoader.load(Fixtures.projectRoot().resolve("rules/ruleset.yaml"), city);
    }

    /** Two working days (Monday, Tuesday): patrols and visits per grid, cases per thousand residents by channel. */
    @Test
    void whatACityGenerates_scalesWithItsGridsAndResidents() throws IOException {
        Path out = dir.resolve("busy");
        StreamGenerator.generate(city, ruleSet, settings(2, BUSY), out, line -> {});
        LocalDate monday = GeneratorSettings.DEFAULT_START;
        int grids = city.grids().size();
        double thousands = city.grids().stream().mapToInt(g -> g.grid().households()).sum()
                * CityRates.RESIDENTS_PER_HOUSEHOLD / 1000;

        Map<ReportKind, Long> reports = new EnumMap<>(ReportKind.class);
        for (Line<GridReport> l : GeneratedFiles.reports(out, city).records()) {
            reports.merge(l.record().kind(), 1L, Long::sum);
        }
        // a worker skips about one day in fourteen, never two running
        assertNear("patrols", grids * BUSY.patrolRounds() * 2 * 0.93, reports.get(ReportKind.PATROL));
        assertNear("visits", grids * BUSY.visitsPerGrid() * 2, reports.get(ReportKind.VISIT));

        Map<Channel, Long> created = new EnumMap<>(Channel.class);
        for (Line<LedgerEvent> l : GeneratedFiles.ledger(out, city).records()) {
            LedgerEvent e = l.record();
            if (e.type() == LedgerEventType.CREATED && !localDay(e).isAfter(monday.plusDays(1))) {
                created.merge(e.channel(), 1L, Long::sum);
            }
        }
        for (Channel channel : CityRates.INTAKE_CHANNELS) {
            assertNear(channel + " cases", BUSY.casesPerThousandResidents(channel) * thousands * MEAN_SPREAD * 2,
                    created.get(channel));
        }
    }

    /** A tenth of a megacity at a megacity's rates: a tenth of 400,000 events on its first day, within 10%. */
    @Test
    void aMegacitysDay_isAbout400000Events() throws IOException {
        assertEquals(30_000, CityPreset.MEGACITY.grids(265));
        Path tenth = dir.resolve("tenth");
        CityReference.write(Fixtures.sampleData().resolve("reference"), Fixtures.reference(), 3_000,
                tenth.resolve("reference"));
        ReferenceData reference = ReferenceDataLoader.load(tenth.resolve("reference"));
        StreamGenerator.Run run = StreamGenerator.run(reference,
                RuleSetLoader.load(Fixtures.projectRoot().resolve("rules/ruleset.yaml"), reference),
                settings(1, CityPreset.MEGACITY.rates()), tenth, line -> {});
        long events = run.eventsPerDay().get(0);
        System.out.println("events of a tenth of a megacity's day: " + events);
        assertTrue(Math.abs(events - 40_000) <= 4_000, "events of a tenth of a megacity's day: " + events);
    }

    /**
     * Five days of the city at a megacity's rates through the replay: every rule raises exactly the alerts the
     * manifest lists, and they are the ones the generator injected.
     */
    @Test
    void aCitysReplay_raisesExactlyTheManifestsAlerts() throws Exception {
        Path in = dir.resolve("five-days");
        StreamGenerator.Run run = StreamGenerator.run(city, ruleSet, settings(5, CityRates.MEGACITY), in,
                line -> {});
        GenerationSummary manifest = run.summary();
        assertEquals(run.injected(), manifest.expectedAlerts(), "nothing raises an alert by accident");
        ReplaySummary replay = ReplayJob.run(new ReplayJob.Settings(in, dir.resolve("replay"), null, 2), city,
                ruleSet, System.out);

        assertTrue(replay.balances(), "in = processed + dead-lettered + duplicates");
        assertEquals(manifest.horizon(), replay.horizon());
        assertEquals(new TreeSet<>(manifest.overdueCases()), replay.alerts().stream()
                .filter(a -> a.level() == AlertLevel.OVERDUE && a.ruleId().equals("OVERDUE_CASE"))
                .map(Alert::caseId).collect(Collectors.toCollection(TreeSet::new)));
        Map<String, Set<String>> raised = new TreeMap<>();
        for (Alert a : replay.alerts()) {
            String key = manifestKey(a);
            if (key != null) {
                raised.computeIfAbsent(a.ruleId(), r -> new TreeSet<>()).add(key);
            }
        }
        System.out.println("injected in five days: " + manifest.injectedAlerts());
        long rulesWithAlerts = manifest.expectedAlerts().values().stream().filter(keys -> !keys.isEmpty()).count();
        assertTrue(rulesWithAlerts >= 4, "rules with alerts in five days: " + manifest.injectedAlerts());
        manifest.expectedAlerts().forEach((rule, keys) ->
                assertEquals(new TreeSet<>(keys), raised.getOrDefault(rule, Set.of()), rule));
    }

    private static GeneratorSettings settings(int days, CityRates rates) {
        return new GeneratorSettings(days, 42, GeneratorSettings.DEFAULT_START, Layout.SINGLE, rates,
                ExpectedAlerts.RECORDS);
    }

    private static LocalDate localDay(LedgerEvent e) {
        return e.at().atZone(city.zone()).toLocalDate();
    }

    /** Within three standard deviations of a Poisson count with that mean. */
    private static void assertNear(String what, double expected, Long actual) {
        double tolerance = 3 * Math.sqrt(expected);
        System.out.printf("%s: %d, expected %.0f ± %.0f%n", what, actual, expected, tolerance);
        assertTrue(actual != null && Math.abs(actual - expected) <= tolerance,
                String.format("%s: %d, expected %.0f ± %.0f", what, actual, expected, tolerance));
    }

    /**
     * The manifest's key of what an alert is about (formats in {@link FailureMode}); null for the overdue rule,
     * which the manifest lists by case.
     */
    private static String manifestKey(Alert a) {
        List<String> evidence = a.evidence();
        return switch (a.ruleId()) {
            case "REPEAT_COMPLAINT" -> a.subjectKey() + "@" + a.caseId();
            case "COMPLAINT_AFTER_CLOSURE", "HAZARD_NOT_REPORTED_BY_GRID" -> a.caseId();
            case "PATROL_MISSED_HAZARD" -> evidence.stream().filter(id -> id.startsWith("R")).findFirst().orElseThrow();
            case "HAZARD_NOT_FILED" -> a.subjectKey().substring("report:".length());
            case "SILENT_GRID" -> a.gridId() + "@" + a.eventTime().minus(ruleSet.silentGrid().silence().toDuration());
            // the evidence ends with the event id of the complaint that reached the threshold, <caseId>-<nn>
            case "COMPLAINT_SURGE" -> a.subjectKey().substring("community:".length()) + "@"
                    + evidence.get(evidence.size() - 1).replaceFirst("-\\d+$", "");
            default -> null;
        };
    }
}
