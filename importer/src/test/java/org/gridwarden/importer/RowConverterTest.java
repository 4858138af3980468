package org.gridwarden.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.importer.AreaMapping;
import org.gridwarden.importer.ImportMapping;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.importer.ImportReason;
import org.gridwarden.importer.LedgerCase;
import org.gridwarden.importer.Named;
import org.gridwarden.importer.RowConverter;
import org.gridwarden.importer.RowResult.Rejected;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Rows of Baltimore's export under its shipped mapping: the events of a case, and each reason a row is refused. */
class RowConverterTest {

    private static final ImportMapping BALTIMORE =
            ImportMappingReader.read(Fixtures.sampleData().resolve("baltimore/mapping.yaml"));

    private final RowConverter converter = new RowConverter(BALTIMORE);

    /** The export's first row: a traffic signal repaired before its due time. */
    private static Map<String, String> trafficSignalRepair() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ServiceRequestNum", "18-00269879");
        row.put("SRType", "TRT-Traffic Signal Repairs");
        row.put("MethodReceived", "Phone");
        row.put("CreatedDate", "04/12/2018 11:11:26 AM");
        row.put("SRStatus", "Closed");
        row.put("DueDate", "04/13/2018 11:11:26 AM");
        row.put("CloseDate", "04/12/2018 12:45:47 PM");
        row.put("Agency", "Transportation");
        row.put("Address", "3400 GARRISON BLVD, BALTIMORE, MD, 21215");
        row.put("Neighborhood", "Dorchester");
        return row;
    }

    private static Map<String, String> with(String column, String value) {
        Map<String, String> row = trafficSignalRepair();
        row.put(column, value);
        return row;
    }

    private static Instant baltimore(String localTime) {
        return OffsetDateTime.parse(localTime).toInstant();
    }

    @Test
    void closedRow_becomesCreatedWithItsDueTime_assignedToItsAgency_andClosed() {
        LedgerCase c = (LedgerCase) converter.convert(trafficSignalRepair());
        Instant created = baltimore("2018-04-12T11:11:26-04:00");
        assertEquals(List.of(
                new LedgerEvent("18-00269879/CREATED", "18-00269879", LedgerEventType.CREATED, created, Channel.HOTLINE,
                        "trt.traffic_signal_repairs", "dorchester", null, "3400 GARRISON BLVD, BALTIMORE, MD, 21215",
                        null, null, baltimore("2018-04-13T11:11:26-04:00"), null, null, null, null),
                new LedgerEvent("18-00269879/ASSIGNED", "18-00269879", LedgerEventType.ASSIGNED, created, null, null,
                        null, null, null, null, null, null, null, "transportation", null, null),
                new LedgerEvent("18-00269879/CLOSED", "18-00269879", LedgerEventType.CLOSED,
                        baltimore("2018-04-12T12:45:47-04:00"), null, null, null, null, null, null, null, null, null,
                        null, null, null)), c.events());
        assertEquals(new Named("trt.traffic_signal_repairs", "TRT-Traffic Signal Repairs"), c.category());
        assertEquals(new Named("transportation", "Transportation"), c.department());
        assertEquals(new Named("dorchester", "Dorchester"), c.grid());
    }

    @Test
    void openRow_hasNoClosedEvent_whateverItsCloseColumnSays() {
        LedgerCase c = (LedgerCase) converter.convert(with("SRStatus", "in progress"));
        assertEquals(List.of(LedgerEventType.CREATED, LedgerEventType.ASSIGNED),
                c.events().stream().map(LedgerEvent::type).toList());
    }

    @Test
    void rowWithoutNeighbourhood_fallsInTheGridOfRequestsWithoutOne() {
        LedgerCase c = (LedgerCase) converter.convert(with("Neighborhood", " "));
        assertEquals(new Named("no-neighborhood", "No neighborhood"), c.grid());
    }

    @Test
    void timeInTheHourThatDaylightSavingRepeats_isTheEarlierOfTheTwo() {
        Map<String, String> row = with("CreatedDate", "11/04/2018 01:30:00 AM");
        row.put("DueDate", "11/05/2018 01:30:00 AM");
        row.put("CloseDate", "11/04/2018 03:00:00 PM");
        assertEquals(baltimore("2018-11-04T01:30:00-04:00"), ((LedgerCase) converter.convert(row)).createdAt());
    }

    @Test
    void eachFaultGetsItsReason_andTheDetailNamesColumnAndValue() {
        assertRejected(ImportReason.NO_CASE_ID, "ServiceRequestNum is blank", with("ServiceRequestNum", ""));
        assertRejected(ImportReason.UNKNOWN_STATUS, "SRStatus 'Reopened' is listed under none of closed, duplicate"
                + " and open", with("SRStatus", "Reopened"));
        assertRejected(ImportReason.DUPLICATE, "SRStatus 'Closed (Duplicate)': a duplicate of another request",
                with("SRStatus", "Closed (Duplicate)"));
        assertRejected(ImportReason.NO_CREATED_TIME, "CreatedDate is blank", with("CreatedDate", ""));
        assertRejected(ImportReason.BAD_TIME, "CreatedDate '2018-04-12 11:11:26' is not a time written as"
                + " MM/dd/yyyy hh:mm:ss a", with("CreatedDate", "2018-04-12 11:11:26"));
        assertRejected(ImportReason.DUE_NOT_AFTER_CREATED, "DueDate '04/12/2018 11:11:26 AM' is not after CreatedDate"
                + " '04/12/2018 11:11:26 AM'", with("DueDate", "04/12/2018 11:11:26 AM"));
        assertRejected(ImportReason.NO_CLOSE_TIME, "CloseDate is blank, but SRStatus 'Closed' means closed",
                with("CloseDate", ""));
        assertRejected(ImportReason.CLOSED_BEFORE_CREATED, "CloseDate '04/11/2018 09:00:00 AM' is before CreatedDate"
                + " '04/12/2018 11:11:26 AM'", with("CloseDate", "04/11/2018 09:00:00 AM"));
        assertRejected(ImportReason.UNKNOWN_CATEGORY, "SRType is blank", with("SRType", ""));
        assertRejected(ImportReason.UNKNOWN_CATEGORY, "SRType '--' has no letters or digits to make an id of",
                with("SRType", "--"));
        assertRejected(ImportReason.UNKNOWN_CHANNEL, "MethodReceived 'Fax' is not in the mapping's channel table",
                with("MethodReceived", "Fax"));
        assertRejected(ImportReason.UNKNOWN_DEPARTMENT, "Agency is blank", with("Agency", ""));
    }

    @Test
    void rowWithSeveralFaults_getsTheReasonOfTheFirstCheck_soADuplicateIsCountedAsOne() {
        Map<String, String> row = with("SRStatus", "Open (Duplicate)");
        row.put("DueDate", "");
        assertRejected(ImportReason.DUPLICATE, "SRStatus 'Open (Duplicate)': a duplicate of another request", row);
    }

    @Test
    void blankArea_isDeadLettered_whenTheMappingGivesNoGridForIt() {
        ImportMapping strict = new ImportMapping(BALTIMORE.file(), BALTIMORE.source(), BALTIMORE.columns(),
                BALTIMORE.time(), BALTIMORE.status(), BALTIMORE.category(), BALTIMORE.channel(), BALTIMORE.department(),
                new AreaMapping(null), BALTIMORE.address(), BALTIMORE.due(), null, BALTIMORE.reference(), List.of());
        assertEquals(new Rejected(ImportReason.NO_AREA, "Neighborhood is blank"),
                new RowConverter(strict).convert(with("Neighborhood", "")));
    }

    private void assertRejected(ImportReason reason, String detail, Map<String, String> row) {
        assertEquals(new Rejected(reason, detail), converter.convert(row));
    }
}
