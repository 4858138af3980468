package org.gridwarden.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.gridwarden.importer.DueMapping;
import org.gridwarden.importer.ImportMapping;
import org.gridwarden.importer.ImportMappingException;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.importer.Named;
import org.gridwarden.importer.StatusMapping.Meaning;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import mappings as read from YAML, and every problem of a broken one with its file, line, column and field. */
class ImportMappingReaderTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws Exception {
        Path file = dir.resolve("mapping.yaml");
        Files.writeString(file, yaml);
        return assertThrows(ImportMappingException.class, () -> ImportMappingReader.read(file)).problems();
    }

    private String file() {
        return dir.resolve("mapping.yaml").toString();
    }

    @Test
    void shippedBaltimoreMapping_readsAsWritten() {
        ImportMapping m = ImportMappingReader.read(Fixtures.sampleData().resolve("baltimore/mapping.yaml"));
        assertEquals("ServiceRequestNum", m.columns().caseId().name());
        assertEquals("DueDate", m.columns().due().name());
        assertEquals(ZoneId.of("America/New_York"), m.time().zone());
        assertEquals(Optional.of(Meaning.CLOSED), m.status().meaning("closed (transferred)"));
        assertEquals(Optional.of(Meaning.DUPLICATE), m.status().meaning("New (Duplicate)"));
        assertEquals(Optional.of(Meaning.OPEN), m.status().meaning(" Pending "));
        assertEquals(Optional.of("sw.dirty_alley"), m.category().code("SW-Dirty Alley"));
        assertEquals(Optional.of("dpw.calendar_or_water_quality_report_request"),
                m.category().code("DPW - Calendar  or  Water Quality Report Request"));
        assertEquals(Optional.of(Channel.APP), m.channel().channel("API"));
        assertEquals(Optional.of("recreation-parks"), m.department().department("Recreation & Parks"));
        assertEquals(new Named("baltimore", "Baltimore City"), m.reference().district());
    }

    @Test
    void brokenMapping_listsEveryProblem_withFileLineColumnAndField() throws Exception {
        List<String> problems = problems("""
                columns:
                  casId: ServiceRequestNum
                  created: CreatedDate
                  status: SRStatus
                  category: SRType
                  channel: MethodReceived
                  department: Agency
                  area: [Neighborhood]
                time:
                  format: MM/dd/yyyy hh:mm:ss a
                  zone: America/Baltimor
                status:
                  closed: [Closed]
                  open: [Open, closed]
                category:
                  passThrough:
                    familySeparator: "-"
                channel:
                  table:
                    Phone: HOTLINE
                    API: APPS
                """);
        assertEquals(List.of(
                file() + ":2:3: columns.casId: unknown field (did you mean caseId?); columns has caseId, created,"
                        + " status, category, channel, department, area, due, closed, address, building and family",
                file() + ":2:3: columns.caseId: missing; name the CSV column that holds the case id (案件编号)",
                file() + ":8:9: columns.area: expected a text, not a list",
                file() + ":11:9: time.zone: 'America/Baltimor' is not a time zone; write a region such as"
                        + " America/New_York or Asia/Shanghai",
                file() + ":13:11: status.closed: statuses mean closed, but columns names no closed column with the"
                        + " close time; add e.g. closed: CloseDate under columns",
                file() + ":14:16: status.open[1]: 'closed' is also listed under closed; a status means one thing only",
                file() + ":17:5: category.passThrough.family: missing; name the family of request types without a"
                        + " family part, e.g. family: other",
                file() + ":21:10: channel.table.API: 'APPS' is not a channel (did you mean APP?); the channels are"
                        + " HOTLINE, WINDOW, APP, GRID, INSPECTION and SENSOR"), problems);
    }

    @Test
    void badTimePattern_andMissingBlocks_areNamed() throws Exception {
        List<String> problems = problems("""
                columns:
                  caseId: id
                  created: opened
                  status: state
                  category: type
                  channel: via
                  department: agency
                  area: ward
                time:
                  format: MM/dd/yyyy hh:mm:ss aaaaaa
                  zone: America/Chicago
                  locale: "12"
                """);
        assertEquals(List.of(
                file() + ":1:1: status: missing; give which statuses mean closed, duplicate and open",
                file() + ":1:1: category: missing; give a table of request types to category codes, or passThrough",
                file() + ":1:1: channel: missing; give a table of intake methods to the channels HOTLINE, WINDOW, APP,"
                        + " GRID, INSPECTION and SENSOR",
                file() + ":10:11: time.format: 'MM/dd/yyyy hh:mm:ss aaaaaa' is not a java.time pattern (Too many"
                        + " pattern letters: a); e.g. MM/dd/yyyy hh:mm:ss a reads 04/12/2018 11:11:26 AM",
                file() + ":12:11: time.locale: '12' is not a language tag such as en-US"), problems);
    }

    private static final String COLUMNS = """
            columns:
              caseId: Unique Key
              created: Created Date
              closed: Closed Date
              category: Complaint Type
              channel: Open Data Channel Type
              department: Agency
              area: Community Board
            time:
              format: MM/dd/yyyy hh:mm:ss a
              zone: America/New_York
            """;

    @Test
    void tablesIgnoreCase_andTwoKeysEqualButForCase_thatDisagree_areAWarningNamingBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("mapping.yaml"), COLUMNS + """
                status:
                  closedByCloseTime: true
                category:
                  table:
                    Noise - Residential: noise.residential
                    NOISE - RESIDENTIAL: noise.residential
                    Heat/Hot Water: housing.heat
                    HEAT/HOT WATER: housing.hot_water
                channel:
                  table:
                    PHONE: HOTLINE
                    Phone: WINDOW
                department:
                  table:
                    DOT: transportation
                """);
        ImportMapping m = ImportMappingReader.read(file);
        assertEquals(List.of(
                file() + ":19:5: category.table.HEAT/HOT WATER: 'HEAT/HOT WATER' and 'Heat/Hot Water' are the same"
                        + " value but for their case, which the tables ignore; 'Heat/Hot Water' becomes housing.heat"
                        + " and 'HEAT/HOT WATER' would become housing.hot_water: housing.heat is kept",
                file() + ":23:5: channel.table.Phone: 'Phone' and 'PHONE' are the same value but for their case, which"
                        + " the tables ignore; 'PHONE' becomes HOTLINE and 'Phone' would become WINDOW: HOTLINE is"
                        + " kept"), m.warnings());
        assertEquals(Optional.of("housing.heat"), m.category().code("heat/hot water"));
        assertEquals(Optional.of(Channel.HOTLINE), m.channel().channel("phone"));
        assertEquals(Optional.of("transportation"), m.department().department("dot"));
        assertEquals(null, m.columns().status(), "no status column: the close time says what is closed");
        assertEquals(DueMapping.WhenBlank.TIME_LIMIT, m.due().whenBlank(), "no due column: the rule set decides");
    }

    @Test
    void newBlocks_areChecked_andTheirUnknownFieldsNamed() throws Exception {
        List<String> problems = problems(COLUMNS.replace("  closed: Closed Date\n", "  due: Due Date\n")
                .replace("  area: Community Board\n", "  area: Community Board\n  family: Descriptor\n") + """
                status:
                  closedByCloseTime: yes please
                category:
                  table:
                    Noise: noise.residential
                channel:
                  otherwise: WINDOW
                address:
                  caze: upper
                  decodeEntities: true
                due:
                  whenBlank: never
                exportedAt: tomorrow
                """);
        assertEquals(List.of(
                file() + ":9:11: columns.family: the family column makes the family of a passed-through request"
                        + " type, but category has no passThrough; add passThrough: {family: other} under category",
                file() + ":14:3: status: columns names no status column, so only a close time can say a case is"
                        + " closed; add closedByCloseTime: true here, or name the status column under columns",
                file() + ":14:22: status.closedByCloseTime: expected true or false, not 'yes please'",
                file() + ":21:3: address.caze: unknown field (did you mean case?); address has case, decodeEntities"
                        + " and stripCities",
                file() + ":21:3: address: tidies addresses, but columns names no address column; add e.g."
                        + " address: Address under columns",
                file() + ":24:14: due.whenBlank: 'never' is neither none (no deadline) nor timeLimit (the rule"
                        + " set's time limit)",
                file() + ":25:13: exportedAt: 'tomorrow' is not a time such as 2024-01-10T08:00:00-05:00 or one"
                        + " written as MM/dd/yyyy hh:mm:ss a"), problems);
    }

    @Test
    void aDueColumn_withoutASayOnBlankDueDates_givesThoseCasesNoDeadline() throws Exception {
        Path file = Files.writeString(dir.resolve("mapping.yaml"), COLUMNS.replace("  closed: Closed Date\n",
                "  closed: Closed Date\n  due: Due Date\n") + """
                status:
                  closedByCloseTime: true
                category:
                  passThrough:
                    family: other
                channel:
                  otherwise: HOTLINE
                """);
        assertEquals(DueMapping.WhenBlank.NONE, ImportMappingReader.read(file).due().whenBlank());
    }

    @Test
    void yamlSyntaxError_isTheOneProblem_withItsLine() throws Exception {
        assertEquals(List.of(file() + ":3:5: not valid YAML after columns.caseId: the list opened with '[' on line 2"
                + " is not closed with ']', or a ',' is missing"), problems("columns:\n  caseId: [A\ntime: x\n"));
    }

    @Test
    void emptyFile_saysWhatAMappingIsMadeOf() throws Exception {
        assertEquals(List.of(file() + ":1:1: the file is empty; a mapping is made of the fields source, columns,"
                + " time, status, category, channel, department, area, address, due, exportedAt and reference"), problems(""));
    }

    @Test
    void missingFile_isNamed() {
        Path absent = dir.resolve("absent.yaml");
        assertEquals(List.of(absent + ": no such file"),
                assertThrows(ImportMappingException.class, () -> ImportMappingReader.read(absent)).problems());
    }
}
