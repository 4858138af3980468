package org.gridwarden.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.importer.AddressMapping;
import org.gridwarden.importer.ImportMapping;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.importer.ImportReason;
import org.gridwarden.importer.ImportSummary;
import org.gridwarden.importer.LedgerImport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.CategoryFamily;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.reference.Tier;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New York's and Boston's 311 exports (small files in their real columns, {@code src/test/resources/importer})
 * imported with the shipped mappings of {@code sample-data/new-york} and {@code sample-data/boston}.
 */
class CityExportsImportTest {

    private static final Path RESOURCES = Fixtures.projectRoot().resolve("importer/src/test/resources/importer");

    @TempDir
    Path dir;

    private ImportSummary importCity(String city, String csv) throws Exception {
        ImportMapping mapping = ImportMappingReader.read(Fixtures.sampleData().resolve(city).resolve("mapping.yaml"));
        return LedgerImport.run(mapping, RESOURCES.resolve(csv), dir.resolve("out"), dir.resolve("reference"));
    }

    /** The CREATED event of each case, by case id. */
    private static Map<String, LedgerEvent> created(ImportSummary summary) throws Exception {
        return events(summary, LedgerEventType.CREATED);
    }

    private static Map<String, LedgerEvent> events(ImportSummary summary, LedgerEventType type) throws Exception {
        ReferenceData reference = ReferenceDataLoader.load(summary.reference().dir());
        IngestDecoder decoder = new IngestDecoder(reference, Fixtures.ruleSet().ingest());
        Map<String, LedgerEvent> byCase = new TreeMap<>();
        List<String> lines = Files.readAllLines(summary.ledgerEvents());
        for (int i = 0; i < lines.size(); i++) {
            // read back as the replay reads them: every line passes the contract's checks
            Ingested in = decoder.decode(IngestDecoder.LEDGER_EVENTS, Origin.file(IngestDecoder.LEDGER_EVENTS,
                    "ledger-events.jsonl", i + 1, null), lines.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(null, in.deadLetter(), lines.get(i));
            if (in.ledgerEvent().type() == type) {
                byCase.put(in.ledgerEvent().caseId(), in.ledgerEvent());
            }
        }
        return byCase;
    }

    @Test
    void newYork_rowsWithoutADueDate_areCasesWithoutADeadline_andOnlyTheRowWithoutItsCloseTimeIsLost()
            throws Exception {
        ImportSummary summary = importCity("new-york", "nyc-311.csv");
        assertEquals(7, summary.rows());
        assertEquals(6, summary.imported());
        assertEquals(Map.of(ImportReason.NO_CLOSE_TIME, 1L), summary.deadLettered());
        Map<String, LedgerEvent> created = created(summary);
        assertEquals(OffsetDateTime.parse("2024-01-09T20:00-05:00").toInstant(), created.get("59893001").dueAt());
        assertNull(created.get("59893001").noDeadline());
        for (String noDue : List.of("59893002", "59893003", "59893004", "59893005")) {
            assertNull(created.get(noDue).dueAt(), noDue);
            assertEquals(Boolean.TRUE, created.get(noDue).noDeadline(), noDue);
        }
    }

    @Test
    void aCreatedWithBothADueTimeAndNoDeadline_isRefusedByTheContract() throws Exception {
        ImportSummary summary = importCity("new-york", "nyc-311.csv");
        String line = Files.readAllLines(summary.ledgerEvents()).stream()
                .filter(l -> l.contains("\"59893001/CREATED\"")).findFirst().orElseThrow()
                .replace("}", ",\"noDeadline\":true}");
        IngestDecoder decoder = new IngestDecoder(ReferenceDataLoader.load(summary.reference().dir()),
                Fixtures.ruleSet().ingest());
        Ingested in = decoder.decode(IngestDecoder.LEDGER_EVENTS, Origin.file(IngestDecoder.LEDGER_EVENTS,
                "ledger-events.jsonl", 1, null), line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("INVALID_VALUE", in.deadLetter().reason());
        assertEquals("fields 'dueAt' and 'noDeadline' contradict each other: a case has a deadline or none",
                in.deadLetter().detail());
    }

    @Test
    void boston_rowsWithoutATarget_getTheRuleSetsTimeLimit_whenTheMappingSaysSo() throws Exception {
        Map<String, LedgerEvent> created = created(importCity("boston", "boston-311.csv"));
        assertEquals(List.of("101005123401", "101005123402", "101005123403", "101005123404"),
                List.copyOf(created.keySet()));
        for (String noTarget : List.of("101005123402", "101005123404")) {
            assertNull(created.get(noTarget).dueAt(), noTarget);
            assertNull(created.get(noTarget).noDeadline(), noTarget);
        }
    }

    @Test
    void aCloseTime_closesTheCase_whateverTheStatusSays() throws Exception {
        assertEquals(List.of("59893002", "59893004", "59893005"),
                List.copyOf(events(importCity("new-york", "nyc-311.csv"), LedgerEventType.CLOSED).keySet()),
                "59893005 is Pending with a Closed Date");
    }

    @Test
    void aCloseTime_closesTheCase_inBostonToo() throws Exception {
        Map<String, LedgerEvent> closed = events(importCity("boston", "boston-311.csv"), LedgerEventType.CLOSED);
        assertEquals(List.of("101005123402", "101005123403"), List.copyOf(closed.keySet()),
                "101005123403 is Open with a closed_dt");
        assertEquals(Instant.parse("2024-01-09T15:00:00Z"), closed.get("101005123403").at());
    }

    @Test
    void families_comeFromTheFamilyColumn_andTablesIgnoreCase() throws Exception {
        Map<String, LedgerEvent> boston = created(importCity("boston", "boston-311.csv"));
        assertEquals("street_lights.street_light_outages", boston.get("101005123401").category());
        assertEquals("enforcement_abandoned_vehicles.parking_enforcement", boston.get("101005123402").category());
        assertEquals("other.illegal_dumping", boston.get("101005123404").category(), "no reason given");

        Map<String, LedgerEvent> nyc = created(importCity("new-york", "nyc-311.csv"));
        assertEquals("noise_residential.noise_residential", nyc.get("59893002").category(), "one family per type");
        assertEquals("housing.heat_hot_water", nyc.get("59893004").category(),
                "HEAT/HOT WATER by the table's Heat/Hot Water");
    }

    @Test
    void addresses_areTidied_soThatOnePlaceIsOneAddress() throws Exception {
        Map<String, LedgerEvent> nyc = created(importCity("new-york", "nyc-311.csv"));
        assertEquals("300 WEST 125 STREET", nyc.get("59893001").address());
        assertEquals("12 ELM STREET", nyc.get("59893002").address());
        assertEquals("12 ELM STREET", nyc.get("59893003").address());
        assertEquals("BROADWAY & WEST 125 STREET", nyc.get("59893004").address());
        assertEquals("1010 FULTON STREET", nyc.get("59893005").address());

        Map<String, LedgerEvent> boston = created(importCity("boston", "boston-311.csv"));
        assertEquals("160 HARRISON AVE", boston.get("101005123401").address());
        assertEquals("INTERSECTION OF TREMONT ST & BERKELEY ST", boston.get("101005123402").address());
        assertEquals("27 WENSLEY ST", boston.get("101005123403").address());
    }

    @Test
    void addressOptions_eachOnItsOwn() {
        assertEquals("7 South Boston Ave", new AddressMapping(null, false, List.of("Boston", "South Boston"))
                .normalize("7 South Boston Ave, South Boston, MA 02127-1234"));
        assertEquals("A &amp; B", new AddressMapping(null, false, List.of()).normalize("A &amp; B"));
        assertEquals("o'brien & sons <rear>", new AddressMapping("lower", true, List.of())
                .normalize("O&#39;Brien &amp; Sons &lt;Rear&gt;"));
        assertNull(new AddressMapping(null, false, List.of("Boston")).normalize(", BOSTON MA 02118"));
    }

    @Test
    void emittedCategories_andFamilies_carryTheExportsEnglishNames_neverAnId() throws Exception {
        importCity("boston", "boston-311.csv");
        ReferenceData boston = ReferenceDataLoader.load(dir.resolve("reference"));
        assertEquals(new Category("street_lights.street_light_outages", "street_lights", "Street Light Outages",
                "Street Light Outages", false, "STANDARD", Tier.DISTRICT, "pwdx"),
                boston.category("street_lights.street_light_outages").orElseThrow());
        assertEquals(Optional.of(new CategoryFamily("street_lights", "Street Lights", "Street Lights")),
                boston.family("street_lights"));
        assertEquals(Optional.of(new CategoryFamily("other", "Other", "Other")), boston.family("other"));

        importCity("new-york", "nyc-311.csv");
        ReferenceData nyc = ReferenceDataLoader.load(dir.resolve("reference"));
        assertEquals(Optional.of(new CategoryFamily("housing", "Housing", "Housing")), nyc.family("housing"),
                "a family the table names is read as words");
        assertEquals("HEAT/HOT WATER", nyc.category("housing.heat_hot_water").orElseThrow().nameEn());
        assertEquals(Optional.of(new CategoryFamily("noise_residential", "Noise - Residential",
                "Noise - Residential")), nyc.family("noise_residential"));
    }

    @Test
    void theExportTime_isRecorded_fromTheCommand_theMapping_orTheNewestEvent() throws Exception {
        ImportMapping mapping = ImportMappingReader.read(Fixtures.sampleData().resolve("new-york/mapping.yaml"));
        Path csv = RESOURCES.resolve("nyc-311.csv");
        Path out = dir.resolve("out");

        LedgerImport.run(mapping, csv, out, null);
        assertEquals(Optional.of(OffsetDateTime.parse("2024-01-09T16:10-05:00").toInstant()),
                LedgerImport.recordedExportTime(out), "the newest event: 59893004 closed");

        Path withTime = Files.writeString(dir.resolve("mapping.yaml"), Files.readString(mapping.file())
                + "exportedAt: 01/10/2024 06:00:00 AM\n");
        LedgerImport.run(ImportMappingReader.read(withTime), csv, out, null);
        assertEquals(Optional.of(OffsetDateTime.parse("2024-01-10T06:00-05:00").toInstant()),
                LedgerImport.recordedExportTime(out), "in the mapping's own format");

        Instant given = OffsetDateTime.parse("2024-01-10T08:00-05:00").toInstant();
        LedgerImport.run(ImportMappingReader.read(withTime), csv, out, null, given);
        assertEquals(Optional.of(given), LedgerImport.recordedExportTime(out), "the command's option first");
        assertEquals("{\"exportedAt\":\"2024-01-10T08:00-05:00\"}",
                Files.readString(out.resolve(LedgerImport.EXPORT_TIME)).trim());
    }
}
