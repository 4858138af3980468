package org.gridwarden.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.importer.ImportMapping;
import org.gridwarden.importer.ImportMappingException;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.importer.ImportReason;
import org.gridwarden.importer.ImportSummary;
import org.gridwarden.importer.LedgerImport;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.reference.Tier;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small export in Baltimore's columns, imported with the shipped mapping: the files, line by line. */
class LedgerImportTest {

    private static final ImportMapping BALTIMORE =
            ImportMappingReader.read(Fixtures.sampleData().resolve("baltimore/mapping.yaml"));

    /** Line 3 holds an address over two lines, line 5 is empty; lines 6 to 8 cannot become cases. */
    private static final String EXPORT = """
            ServiceRequestNum,SRType,MethodReceived,CreatedDate,SRStatus,DueDate,CloseDate,Agency,Address,Neighborhood
            A-1,SW-Dirty Alley,API,01/10/2018 09:00:00 AM,Closed,01/12/2018 09:00:00 AM,01/15/2018 10:00:00 AM,Solid Waste,"1 MAIN ST, BALTIMORE",Canton
            A-2,TRT-Signal,Phone,01/09/2018 08:00:00 AM,Open,07/20/2018 08:00:00 AM,,Transportation,"2 MAIN ST
            REAR",

            A-1,SW-Dirty Alley,API,01/11/2018 09:00:00 AM,Closed,01/12/2018 09:00:00 AM,01/15/2018 10:00:00 AM,Solid Waste,,Canton
            A-3,SW-Dirty Alley,API
            A-4,SW-Dirty Alley,API,01/11/2018 09:00:00 AM,Closed (Duplicate),01/12/2018 09:00:00 AM,01/11/2018 10:00:00 AM,Solid Waste,,Canton
            """;

    @TempDir
    Path dir;

    private ImportSummary importExport(Path reference) throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, EXPORT);
        return LedgerImport.run(BALTIMORE, csv, dir.resolve("out"), reference);
    }

    @Test
    void ledgerEvents_areTheContractsLines_inEventTimeOrder_withTheCitysOffset() throws Exception {
        ImportSummary summary = importExport(null);
        assertEquals(List.of(
                "{\"eventId\":\"A-2/CREATED\",\"caseId\":\"A-2\",\"type\":\"CREATED\",\"at\":\"2018-01-09T08:00:00-05:00\","
                        + "\"channel\":\"HOTLINE\",\"category\":\"trt.signal\",\"gridId\":\"no-neighborhood\","
                        + "\"address\":\"2 MAIN ST\\nREAR\",\"dueAt\":\"2018-07-20T08:00:00-04:00\"}",
                "{\"eventId\":\"A-2/ASSIGNED\",\"caseId\":\"A-2\",\"type\":\"ASSIGNED\",\"at\":\"2018-01-09T08:00:00-05:00\","
                        + "\"department\":\"transportation\"}",
                "{\"eventId\":\"A-1/CREATED\",\"caseId\":\"A-1\",\"type\":\"CREATED\",\"at\":\"2018-01-10T09:00:00-05:00\","
                        + "\"channel\":\"APP\",\"category\":\"sw.dirty_alley\",\"gridId\":\"canton\","
                        + "\"address\":\"1 MAIN ST, BALTIMORE\",\"dueAt\":\"2018-01-12T09:00:00-05:00\"}",
                "{\"eventId\":\"A-1/ASSIGNED\",\"caseId\":\"A-1\",\"type\":\"ASSIGNED\",\"at\":\"2018-01-10T09:00:00-05:00\","
                        + "\"department\":\"solid-waste\"}",
                "{\"eventId\":\"A-1/CLOSED\",\"caseId\":\"A-1\",\"type\":\"CLOSED\",\"at\":\"2018-01-15T10:00:00-05:00\"}"),
                Files.readAllLines(summary.ledgerEvents()));
        assertEquals(Map.of(LedgerEventType.CREATED, 2L, LedgerEventType.ASSIGNED, 2L, LedgerEventType.CLOSED, 1L),
                summary.eventsByType());
    }

    @Test
    void rowsThatCannotBeCases_areDeadLetteredWithTheirFirstLine_reason_detailAndTheRowAsCsv() throws Exception {
        ImportSummary summary = importExport(null);
        assertEquals(5, summary.rows(), "the empty line is no row");
        assertEquals(2, summary.imported());
        assertEquals(Map.of(ImportReason.REPEATED_CASE_ID, 1L, ImportReason.MALFORMED_ROW, 1L,
                ImportReason.DUPLICATE, 1L), summary.deadLettered());
        String source = dir.resolve("export.csv").toString();
        AlertCodec codec = new AlertCodec();
        assertEquals(List.of(
                new DeadLetter("REPEATED_CASE_ID", "ServiceRequestNum 'A-1' is on line 2 already", "import", source,
                        null, null, 6L, "A-1,\"SW-Dirty Alley\",API,\"01/11/2018 09:00:00 AM\",Closed,"
                                + "\"01/12/2018 09:00:00 AM\",\"01/15/2018 10:00:00 AM\",\"Solid Waste\",,Canton"),
                new DeadLetter("MALFORMED_ROW", "3 values where the header has 10 columns", "import", source, null,
                        null, 7L, "A-3,\"SW-Dirty Alley\",API"),
                new DeadLetter("DUPLICATE", "SRStatus 'Closed (Duplicate)': a duplicate of another request", "import",
                        source, null, null, 8L, "A-4,\"SW-Dirty Alley\",API,\"01/11/2018 09:00:00 AM\","
                                + "\"Closed (Duplicate)\",\"01/12/2018 09:00:00 AM\",\"01/11/2018 10:00:00 AM\","
                                + "\"Solid Waste\",,Canton")),
                Files.readAllLines(summary.deadLetters()).stream().map(codec::decodeDeadLetter).toList());
    }

    @Test
    void emittedReference_loads_andEveryImportedEventPassesTheContractsChecksAgainstIt() throws Exception {
        ImportSummary summary = importExport(dir.resolve("reference"));
        ReferenceData reference = ReferenceDataLoader.load(dir.resolve("reference"));

        assertEquals("America/New_York", reference.zone().getId());
        assertEquals(List.of("canton", "no-neighborhood"),
                reference.grids().stream().map(g -> g.grid().gridId()).sorted().toList());
        assertEquals(List.of(
                new Department("baltimore-311", "Baltimore City 311", "Baltimore City 311", Tier.STREET,
                        "alerts.baltimore-311"),
                new Department("solid-waste", "Solid Waste", "Solid Waste", Tier.DISTRICT, "alerts.solid-waste"),
                new Department("transportation", "Transportation", "Transportation", Tier.DISTRICT,
                        "alerts.transportation"),
                new Department("city-administrator", "Office of the City Administrator",
                        "Office of the City Administrator", Tier.SUPERVISION, "alerts.city-administrator")),
                List.copyOf(reference.departments()));
        assertEquals(new Category("sw.dirty_alley", "sw", "SW-Dirty Alley", "SW-Dirty Alley", false, "STANDARD",
                Tier.DISTRICT, "solid-waste"), reference.category("sw.dirty_alley").orElseThrow());
        assertEquals("SW", reference.family("sw").orElseThrow().name());
        assertEquals(List.of(2018), List.copyOf(reference.calendar().years()), "created January, due July 2018");
        assertEquals(new ImportSummary.EmittedReference(dir.resolve("reference"), 2, 4, 2, 2018, 2018),
                summary.reference());

        IngestDecoder decoder = new IngestDecoder(reference, Fixtures.ruleSet().ingest());
        List<String> lines = Files.readAllLines(summary.ledgerEvents());
        for (int i = 0; i < lines.size(); i++) {
            Ingested decoded = decoder.decode(IngestDecoder.LEDGER_EVENTS,
                    Origin.file(IngestDecoder.LEDGER_EVENTS, "ledger-events.jsonl", i + 1, null),
                    lines.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(decoded.isValid(), String.valueOf(decoded.deadLetter()));
        }
    }

    @Test
    void exportWithoutAColumnTheMappingNames_isRefused_namingTheMappingsLine() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "ServiceRequestNo,SRType,MethodReceived,CreatedDate,SRStatus,DueDate,CloseDate,Agency,"
                + "Address,Neighborhood\n");
        ImportMappingException e = assertThrows(ImportMappingException.class,
                () -> LedgerImport.run(BALTIMORE, csv, dir.resolve("out"), null));
        int caseIdLine = Files.readAllLines(BALTIMORE.file()).indexOf("  caseId: ServiceRequestNum") + 1;
        assertEquals(List.of(BALTIMORE.file() + ":" + caseIdLine + ":11: columns.caseId: 'ServiceRequestNum' is not a"
                + " column of " + csv + " (did you mean ServiceRequestNo?); its columns are ServiceRequestNo, SRType,"
                + " MethodReceived, CreatedDate, SRStatus, DueDate, CloseDate, Agency, Address and Neighborhood"),
                e.problems());
    }

    @Test
    void emittingReference_needsTheMappingsReferenceNames() throws Exception {
        ImportMapping without = new ImportMapping(BALTIMORE.file(), BALTIMORE.source(), BALTIMORE.columns(),
                BALTIMORE.time(), BALTIMORE.status(), BALTIMORE.category(), BALTIMORE.channel(), BALTIMORE.department(),
                BALTIMORE.area(), BALTIMORE.address(), BALTIMORE.due(), null, null, List.of());
        ImportMappingException e = assertThrows(ImportMappingException.class,
                () -> LedgerImport.run(without, dir.resolve("export.csv"), dir.resolve("out"), dir.resolve("ref")));
        assertEquals(List.of(BALTIMORE.file() + ": reference: missing; --emit-reference needs the names of the"
                + " district, its office and its supervision, e.g. reference: {district: {id: baltimore, name:"
                + " Baltimore City}, office: {...}, supervision: {...}}"), e.problems());
    }
}
