package org.gridwarden.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.importer.ImportReason;
import org.gridwarden.importer.ImportSummary;
import org.gridwarden.importer.LedgerImport;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baltimore's real 311 export (10,000 requests, {@code shared/realdata/baltimore-311-sample.csv}) imported with
 * {@code sample-data/baltimore/mapping.yaml}, its reference data emitted, and replayed in BATCH mode under
 * {@code sample-data/baltimore/ruleset.yaml} with the city's own due dates. The expected overdue cases are
 * computed here from the CSV directly, by the policy the mapping documents: duplicates and rows due at their
 * creation are not cases, rows without a due date are cases without a deadline; a closed request is overdue when closed after its due
 * time, an open one when its due time is at or before the horizon (the newest event imported).
 */
class BaltimoreImportTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String EXPORT = "baltimore-311-sample.csv";
    private static final Path BALTIMORE = Fixtures.sampleData().resolve("baltimore");

    @TempDir
    static Path dir;

    private static Expected expected;
    private static ImportSummary imported;
    private static ReplaySummary replay;

    @BeforeAll
    static void importAndReplay() throws Exception {
        Path csv = export();
        expected = Expected.from(csv);
        imported = LedgerImport.run(ImportMappingReader.read(BALTIMORE.resolve("mapping.yaml")), csv,
                dir.resolve("ledger"), dir.resolve("reference"));
        imported.print(System.out);
        ReferenceData reference = ReferenceDataLoader.load(dir.resolve("reference"));
        RuleSet ruleSet = RuleSetLoader.load(BALTIMORE.resolve("ruleset.yaml"), reference);
        replay = ReplayJob.run(new ReplayJob.Settings(dir.resolve("ledger"), dir.resolve("replay"), null, 2),
                reference, ruleSet, System.out);
    }

    /** The shared real data: {@code ../shared/realdata/} beside the project, or the nearest one further up. */
    private static Path export() {
        for (Path d = Fixtures.projectRoot().getParent(); d != null; d = d.getParent()) {
            Path csv = d.resolve("shared/realdata").resolve(EXPORT);
            if (Files.isRegularFile(csv)) {
                return csv;
            }
        }
        throw new IllegalStateException("no shared/realdata/" + EXPORT + " beside or above " + Fixtures.projectRoot());
    }

    @Test
    void everyRowIsImportedOrDeadLettered_byTheDocumentedReasons() {
        assertEquals(10_000, imported.rows());
        assertEquals(expected.cases(), imported.imported());
        assertEquals(expected.rejected(), imported.deadLettered());
        assertEquals(imported.rows(), imported.imported() + imported.deadLetteredRows());
        System.out.printf("Baltimore import: %d rows, %d imported, dead-lettered %s%n", imported.rows(),
                imported.imported(), imported.deadLettered());
    }

    @Test
    void overdueAlerts_areExactlyTheRequestsClosedAfterTheirDueDate_andThoseStillOpenPastItAtTheHorizon() {
        assertEquals(expected.horizon(), replay.horizon(), "the newest event imported");
        assertTrue(replay.balances(), replay.toString());
        assertEquals(0, replay.deadLettered(), "the import writes nothing the contract rejects");
        List<Alert> overdue = replay.alerts().stream()
                .filter(a -> a.ruleId().equals("OVERDUE_CASE") && a.level() == AlertLevel.OVERDUE).toList();
        Map<String, Instant> found = new TreeMap<>();
        overdue.forEach(a -> found.put(a.caseId(), a.eventTime()));
        System.out.printf("Baltimore overdue: expected %d (%d closed late, %d open past due), found %d;"
                + " import %.1f s, replay %.1f s%n", expected.overdue().size(), expected.closedLate(),
                expected.overdue().size() - expected.closedLate(), overdue.size(), imported.took().toMillis() / 1000.0,
                replay.took().toMillis() / 1000.0);

        assertEquals(overdue.size(), found.size(), "one OVERDUE alert per case");
        TreeSet<String> missing = new TreeSet<>(expected.overdue().keySet());
        missing.removeAll(found.keySet());
        TreeSet<String> unexpected = new TreeSet<>(found.keySet());
        unexpected.removeAll(expected.overdue().keySet());
        assertEquals(List.of(), List.copyOf(missing), "overdue requests without an alert");
        assertEquals(List.of(), List.copyOf(unexpected), "alerts for requests not overdue");
        assertEquals(expected.overdue(), found, "each alert at its request's due time");
    }

    /**
     * The CSV read on its own: which rows are cases, which are overdue and when, and the horizon.
     *
     * @param overdue case id to due time
     */
    private record Expected(long cases, Map<ImportReason, Long> rejected, Map<String, Instant> overdue,
            long closedLate, Instant horizon) {

        private static final ZoneId BALTIMORE_TIME = ZoneId.of("America/New_York");
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

        static Expected from(Path csv) throws Exception {
            List<Map<String, String>> kept = new ArrayList<>();
            Map<ImportReason, Long> rejected = new EnumMap<>(ImportReason.class);
            try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
                for (Map<String, String> row : rows.readAll()) {
                    ImportReason reason = row.get("SRStatus").contains("(Duplicate)") ? ImportReason.DUPLICATE
                            : !row.get("DueDate").isBlank() && !time(row, "DueDate").isAfter(time(row, "CreatedDate")) ? ImportReason.DUE_NOT_AFTER_CREATED
                            : null;
                    if (reason == null) {
                        kept.add(row);
                    } else {
                        rejected.merge(reason, 1L, Long::sum);
                    }
                }
            }
            Instant horizon = kept.stream()
                    .map(r -> closed(r) ? time(r, "CloseDate") : time(r, "CreatedDate"))
                    .max(Instant::compareTo).orElseThrow();
            Map<String, Instant> overdue = new TreeMap<>();
            long closedLate = 0;
            for (Map<String, String> r : kept) {
                if (r.get("DueDate").isBlank()) {
                    continue; // no promise, no deadline: never overdue
                }
                Instant due = time(r, "DueDate");
                boolean late = closed(r) ? time(r, "CloseDate").isAfter(due) : !due.isAfter(horizon);
                if (late) {
                    overdue.put(r.get("ServiceRequestNum"), due);
                    closedLate += closed(r) ? 1 : 0;
                }
            }
            return new Expected(kept.size(), rejected, overdue, closedLate, horizon);
        }

        /** Closed and Closed (Transferred); the duplicates are gone by now. */
        private static boolean closed(Map<String, String> row) {
            return row.get("SRStatus").startsWith("Closed");
        }

        private static Instant time(Map<String, String> row, String column) {
            return LocalDateTime.parse(row.get(column), FORMAT).atZone(BALTIMORE_TIME).toInstant();
        }
    }
}
