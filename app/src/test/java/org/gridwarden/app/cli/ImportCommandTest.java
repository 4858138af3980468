package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridwarden import}: exit 0 and the files for a good mapping, exit 2 and every problem for a broken one. */
class ImportCommandTest {

    private static final String MAPPING = Fixtures.sampleData().resolve("baltimore/mapping.yaml").toString();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(new StringWriter(), err, (Object[]) args);
    }

    private Path export() throws Exception {
        return Files.writeString(dir.resolve("export.csv"), """
                ServiceRequestNum,SRType,MethodReceived,CreatedDate,SRStatus,DueDate,CloseDate,Agency,Address,Neighborhood
                A-1,SW-Dirty Alley,API,01/10/2018 09:00:00 AM,Closed,01/12/2018 09:00:00 AM,01/15/2018 10:00:00 AM,Solid Waste,,Canton
                """);
    }

    @Test
    void goodMapping_writesLedgerDeadLettersAndReference_andExitsZero() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("import", "--mapping", MAPPING, "--input", export().toString(), "--out", out.toString(),
                "--emit-reference", dir.resolve("reference").toString()));
        assertEquals(3, Files.readAllLines(out.resolve("ledger-events.jsonl")).size());
        assertEquals(0, Files.readAllLines(out.resolve("import-dlq.jsonl")).size());
        assertEquals(1, ReferenceDataLoader.load(dir.resolve("reference")).grids().size());
        assertEquals("", err.toString());
    }

    @Test
    void brokenMapping_exitsTwo_namingFileLineAndFieldOfEachProblem() throws Exception {
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), Files.readString(Path.of(MAPPING))
                .replace("  caseId: ServiceRequestNum", "  caseID: ServiceRequestNum")
                .replace("zone: America/New_York", "zone: EST5EDT/Baltimore"));
        assertEquals(2, run("import", "--mapping", mapping.toString(), "--input", export().toString(), "--out",
                dir.resolve("out").toString()));
        List<String> lines = Files.readAllLines(mapping);
        int caseIdLine = lines.indexOf("  caseID: ServiceRequestNum") + 1;
        int zoneLine = lines.indexOf("  zone: EST5EDT/Baltimore") + 1;
        assertEquals("gridwarden import: import mapping is not usable:\n"
                + "  - " + mapping + ":" + caseIdLine + ":3: columns.caseID: unknown field (did you mean caseId?);"
                + " columns has caseId, created, status, category, channel, department, area, due, closed, address,"
                + " building and family\n"
                + "  - " + mapping + ":" + caseIdLine + ":3: columns.caseId: missing; name the CSV column that holds"
                + " the case id (案件编号)\n"
                + "  - " + mapping + ":" + zoneLine + ":9: time.zone: 'EST5EDT/Baltimore' is not a time zone; write a"
                + " region such as America/New_York or Asia/Shanghai\n",
                err.toString().replace(System.lineSeparator(), "\n"));
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    @Test
    void missingExport_exitsTwo() {
        Path absent = dir.resolve("absent.csv");
        assertEquals(2, run("import", "--mapping", MAPPING, "--input", absent.toString(), "--out",
                dir.resolve("out").toString()));
        assertEquals("gridwarden import: " + absent + ": no such file\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
