package org.gridwarden.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.overdue.CaseState;
import org.gridwarden.rules.overdue.OverdueCaseLogic;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GeneratedFiles.Line;
import org.gridwarden.testkit.generate.GeneratedFiles.Read;
import org.gridwarden.testkit.generate.GenerationSummary.StreamSummary;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.JsonlStream;
import org.gridwarden.testkit.generate.Layout;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A week of the sample district, read back without the generator's help and checked against its manifest. */
class StreamGeneratorTest {

    private static final Duration CLOSING_SHIFT = Duration.ofMinutes(9);
    private static final Pattern DISTRICT_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");

    @TempDir
    static Path week;

    private static GenerationSummary summary;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void generateWeek() throws IOException {
        summary = StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(), GeneratorSettings.of(7, 42),
                week, progress::add);
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot(@TempDir Path first, @TempDir Path second,
            @TempDir Path other) throws IOException {
        generate(3, 7, first);
        generate(3, 7, second);
        generate(3, 8, other);
        for (String file : List.of(
                StreamGenerator.GRID_REPORTS, StreamGenerator.LEDGER_EVENTS, StreamGenerator.MANIFEST)) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        assertFalse(Files.readString(first.resolve(StreamGenerator.LEDGER_EVENTS))
                .equals(Files.readString(other.resolve(StreamGenerator.LEDGER_EVENTS))));
    }

    @Test
    void aDayArchive_holdsTheSameLines_eachInTheDirectoryOfItsLocalDay(@TempDir Path archive) throws IOException {
        GeneratorSettings single = GeneratorSettings.of(7, 42);
        StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(),
                new GeneratorSettings(single.days(), single.seed(), single.startDay(), Layout.DAYS), archive, line -> {});

        StringBuilder reports = new StringBuilder();
        StringBuilder ledger = new StringBuilder();
        for (int i = 0; i < single.days(); i++) {
            LocalDate day = single.startDay().plusDays(i);
            Path dayDir = archive.resolve(day.toString());
            reports.append(Files.readString(dayDir.resolve(StreamGenerator.GRID_REPORTS)));
            ledger.append(Files.readString(dayDir.resolve(StreamGenerator.LEDGER_EVENTS)));
            GeneratedFiles.reports(dayDir).records().forEach(l -> assertEquals(day, localDay(l.record().observedAt()),
                    l.text()));
            GeneratedFiles.ledger(dayDir).records().forEach(l -> assertEquals(day, localDay(l.record().at()), l.text()));
        }
        assertEquals(Files.readString(week.resolve(StreamGenerator.GRID_REPORTS)), reports.toString());
        assertEquals(Files.readString(week.resolve(StreamGenerator.LEDGER_EVENTS)), ledger.toString());
        assertEquals(Files.readString(week.resolve(StreamGenerator.MANIFEST)),
                Files.readString(archive.resolve(StreamGenerator.MANIFEST)));
    }

    private static LocalDate localDay(Instant t) {
        return t.atZone(Fixtures.reference().zone()).toLocalDate();
    }

    @Test
    void everyLineIsAValidRecordADuplicateOrCountedAsMalformed() throws IOException {
        Read<GridReport> reports = GeneratedFiles.reports(week);
        Read<LedgerEvent> ledger = GeneratedFiles.ledger(week);
        assertStreamMatches(summary.gridReports(), reports);
        assertStreamMatches(summary.ledgerEvents(), ledger);
        assertEquals(occurring(summary.gridReports().byKind()),
                new TreeMap<>(GeneratedFiles.countByKind(reports, r -> r.kind().name())));
        assertEquals(occurring(summary.ledgerEvents().byKind()),
                new TreeMap<>(GeneratedFiles.countByKind(ledger, e -> e.type().name())));
        assertTrue(reports.broken().size() + ledger.broken().size() > 0, "a week has some broken lines");
        assertTrue(reports.duplicates().size() + ledger.duplicates().size() > 0, "a week has some duplicates");
    }

    @Test
    void timesCarryTheDistrictOffset() throws IOException {
        for (Line<LedgerEvent> line : GeneratedFiles.ledger(week).records()) {
            String at = line.text().replaceAll(".*\"at\":\"([^\"]*)\".*", "$1");
            assertTrue(DISTRICT_TIME.matcher(at).matches(), line.text());
        }
        for (Line<GridReport> line : GeneratedFiles.reports(week).records()) {
            String at = line.text().replaceAll(".*\"observedAt\":\"([^\"]*)\".*", "$1");
            assertTrue(DISTRICT_TIME.matcher(at).matches(), line.text());
        }
    }

    @Test
    void recordsOutOfOrderStayWellWithinTheAllowedLateness() throws IOException {
        assertOrder(GeneratedFiles.reports(week).records(), GridReport::observedAt, summary.gridReports());
        assertOrder(GeneratedFiles.ledger(week).records(), LedgerEvent::at, summary.ledgerEvents());
    }

    @Test
    void aRealisticShareOfCasesIsOverdue() {
        double share = (double) summary.overdueCases().size() / summary.cases().created();
        assertTrue(share >= 0.03 && share <= 0.25, "overdue share " + share);
        assertEquals(summary.cases().overdue(), summary.overdueCases().size());
        assertTrue(summary.onTimeCases().size() > summary.overdueCases().size());
    }

    /**
     * The manifest lists exactly the cases the overdue rule flags on a replay of the ledger to the horizon; a
     * month, so that extensions, suspensions and reopened cases are all there.
     */
    @Test
    void overdueCasesAreWhatTheOverdueRuleFinds(@TempDir Path month) throws IOException {
        GenerationSummary monthSummary = generate(30, 42, month);
        Map<String, List<LedgerEvent>> cases = new TreeMap<>();
        for (Line<LedgerEvent> line : GeneratedFiles.ledger(month).records()) {
            cases.computeIfAbsent(line.record().caseId(), id -> new ArrayList<>()).add(line.record());
        }
        for (LedgerEventType type : LedgerEventType.values()) {
            assertTrue(monthSummary.ledgerEvents().byKind().get(type.name()) > 0, type + " occurs in a month");
        }
        Instant horizon = monthSummary.horizon();
        assertEquals(monthSummary.overdueCases(), flaggedByOverdueRule(cases.values(), horizon));
        assertEquals(monthSummary.cases().created(), cases.values().stream()
                .filter(events -> events.get(0).type() == LedgerEventType.CREATED).count());
        // no closing event lies near a deadline: moving each by 9 minutes either way changes nothing
        for (Duration shift : List.of(CLOSING_SHIFT, CLOSING_SHIFT.negated())) {
            List<List<LedgerEvent>> moved = cases.values().stream()
                    .map(events -> events.stream().map(e -> closing(e) ? movedBy(e, shift) : e).toList())
                    .toList();
            assertEquals(monthSummary.overdueCases(), flaggedByOverdueRule(moved, horizon), "closings moved " + shift);
        }
    }

    private static boolean closing(LedgerEvent e) {
        return e.type() == LedgerEventType.REPLIED || e.type() == LedgerEventType.CLOSED
                || e.type() == LedgerEventType.CANCELLED;
    }

    private static LedgerEvent movedBy(LedgerEvent e, Duration shift) {
        return new LedgerEvent(e.eventId(), e.caseId(), e.type(), e.at().plus(shift), e.channel(), e.category(),
                e.gridId(), e.buildingId(), e.address(), e.complainantId(), e.priority(), e.dueAt(),
                e.sourceReportId(), e.department(), e.resolution(), e.satisfaction());
    }

    private static List<String> flaggedByOverdueRule(Collection<List<LedgerEvent>> cases, Instant horizon) {
        OverdueCaseLogic logic = Fixtures.overdueLogic();
        TreeSet<String> flagged = new TreeSet<>();
        Consumer<Alert> collect = a -> {
            if (a.level() == AlertLevel.OVERDUE && !a.eventTime().isAfter(horizon)) {
                flagged.add(a.caseId());
            }
        };
        // the rule's own order: event time, then type, then id
        Comparator<LedgerEvent> order = Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::type)
                .thenComparing(LedgerEvent::eventId);
        for (List<LedgerEvent> events : cases) {
            CaseState s = OverdueCaseLogic.initialState();
            for (LedgerEvent e : events.stream().sorted(order).toList()) {
                s = logic.fireDue(s, e.at().minusMillis(1), collect);
                s = logic.apply(s, e);
            }
            logic.fireDue(s, horizon, collect);
        }
        return List.copyOf(flagged);
    }

    @Test
    void manifestOnDiskIsTheReturnedSummaryAndProgressHasOneLinePerDay() throws IOException {
        assertEquals(summary, GeneratedFiles.manifest(week));
        assertEquals(7, progress.size());
        assertTrue(progress.get(6).contains("day 7/7"), progress.get(6));
    }

    private static GenerationSummary generate(int days, long seed, Path dir) throws IOException {
        return StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(), GeneratorSettings.of(days, seed),
                dir, line -> {});
    }

    private static <T> void assertStreamMatches(StreamSummary expected, Read<T> read) {
        assertEquals(expected.lines(), read.lines(), expected.file() + " lines");
        assertEquals(expected.records(), read.records().size(), expected.file() + " records");
        assertEquals(expected.duplicates(), read.duplicates().size(), expected.file() + " duplicates");
        assertEquals(expected.malformedLines(), read.broken().size(), expected.file() + " malformed: " + read.broken());
        assertEquals(expected.lines(), expected.records() + expected.duplicates() + expected.malformedLines());
    }

    /** The manifest lists every kind, also those that did not occur. */
    private static Map<String, Long> occurring(Map<String, Long> counts) {
        Map<String, Long> result = new TreeMap<>(counts);
        result.values().removeIf(n -> n == 0);
        return result;
    }

    private static <T> void assertOrder(List<Line<T>> records, Function<T, Instant> time,
            StreamSummary expected) {
        Instant newest = Instant.MIN;
        int behind = 0;
        for (Line<T> line : records) {
            Instant t = time.apply(line.record());
            if (t.isBefore(newest)) {
                behind++;
                assertTrue(Duration.between(t, newest).compareTo(JsonlStream.MAX_DELAY) <= 0, line.text());
            } else {
                newest = t;
            }
        }
        assertEquals(expected.outOfOrder(), behind, expected.file() + " out of order");
        assertTrue(behind > 0, expected.file() + ": a week has some records out of order");
    }
}
