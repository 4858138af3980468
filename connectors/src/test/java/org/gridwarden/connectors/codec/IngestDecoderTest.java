package org.gridwarden.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.ruleset.IngestRules;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input line becomes a dead letter with its reason, a detail naming what is wrong, and where
 * it came from (file and line, or topic, partition and offset) with the record as received, so that an operator
 * can find and fix it. Good lines become typed records.
 */
class IngestDecoderTest {

    private static final IngestRules INGEST = Fixtures.ruleSet().ingest();
    private static final IngestDecoder DECODER = new IngestDecoder(Fixtures.reference(), INGEST);
    private static final String REPORTS = IngestDecoder.GRID_REPORTS;
    private static final String EVENTS = IngestDecoder.LEDGER_EVENTS;

    private static final String PATROL = "{\"reportId\":\"R-1\",\"gridId\":\"S01C01G01\",\"workerId\":\"W0001\","
            + "\"kind\":\"PATROL\",\"hazardFound\":false,\"observedAt\":\"2026-11-20T10:05:00+08:00\"}";
    private static final String ASSIGNED = "{\"eventId\":\"E-2\",\"caseId\":\"C-1\",\"type\":\"ASSIGNED\","
            + "\"at\":\"2026-11-20T11:00:00+08:00\",\"department\":\"street-donghu\"}";

    private static Ingested fromFile(String stream, String line) {
        return DECODER.decode(stream, Origin.file(stream, "in/day-1.jsonl", 17, null),
                line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodLines_becomeTypedRecords_withTheirOrigin() {
        Ingested report = fromFile(REPORTS, PATROL);
        assertTrue(report.isValid(), String.valueOf(report.deadLetter()));
        assertEquals(ReportKind.PATROL, report.report().kind());
        assertEquals(Instant.parse("2026-11-20T02:05:00Z"), report.report().observedAt());
        assertEquals("in/day-1.jsonl", report.origin().source());
        assertEquals(17L, report.origin().line());

        Ingested event = fromFile(EVENTS, ASSIGNED);
        assertTrue(event.isValid(), String.valueOf(event.deadLetter()));
        assertEquals(LedgerEventType.ASSIGNED, event.ledgerEvent().type());
        assertEquals("street-donghu", event.ledgerEvent().department());
    }

    @Test
    void timesFinerThanAMillisecond_areCutToTheMillisecond() {
        Ingested r = fromFile(REPORTS, PATROL.replace("10:05:00+08:00", "10:05:00.123456789+08:00"));
        assertEquals(Instant.parse("2026-11-20T02:05:00.123Z"), r.report().observedAt());
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                arguments(REPORTS, "not json at all", DeadLetter.MALFORMED_JSON, "not JSON"),
                arguments(REPORTS, PATROL.substring(0, 40), DeadLetter.MALFORMED_JSON, "not JSON"),
                arguments(REPORTS, "[1,2,3]", DeadLetter.MALFORMED_JSON, "not a JSON object"),
                arguments(REPORTS, "42", DeadLetter.MALFORMED_JSON, "not a JSON object"),
                arguments(REPORTS, PATROL.replace("\"reportId\":\"R-1\",", ""), DeadLetter.MISSING_FIELD, "'reportId'"),
                arguments(REPORTS, PATROL.replace("\"R-1\"", "\"  \""), DeadLetter.MISSING_FIELD, "'reportId'"),
                arguments(REPORTS, PATROL.replace("PATROL", "HAZARD"), DeadLetter.MISSING_FIELD, "'category'"),
                arguments(EVENTS, ASSIGNED.replace(",\"department\":\"street-donghu\"", ""), DeadLetter.MISSING_FIELD,
                        "'department' is required on ASSIGNED"),
                arguments(REPORTS, PATROL.replace("PATROL", "WALK"), DeadLetter.INVALID_VALUE, "'kind': 'WALK'"),
                arguments(REPORTS, PATROL.replace("false", "\"no\""), DeadLetter.INVALID_VALUE, "'hazardFound'"),
                arguments(REPORTS, PATROL.replace("\"R-1\"", "{\"id\":1}"), DeadLetter.INVALID_VALUE,
                        "'reportId': expected a string"),
                arguments(REPORTS, PATROL.replace("}", ",\"severity\":9}"), DeadLetter.INVALID_VALUE, "'severity'"),
                arguments(EVENTS, ASSIGNED.replace("ASSIGNED", "CLOSED").replace("}", ",\"satisfaction\":1.5}"),
                        DeadLetter.INVALID_VALUE, "'satisfaction'"),
                arguments(REPORTS, PATROL.replace("S01C01G01", "S99C99G99"), DeadLetter.UNKNOWN_REFERENCE,
                        "no grid 'S99C99G99'"),
                arguments(EVENTS, ASSIGNED.replace("street-donghu", "street-nowhere"), DeadLetter.UNKNOWN_REFERENCE,
                        "no department 'street-nowhere'"),
                arguments(REPORTS, PATROL.replace("+08:00", ""), DeadLetter.IMPOSSIBLE_TIME, "'observedAt'"),
                arguments(REPORTS, PATROL.replace("2026-11-20", "2026-13-01"), DeadLetter.IMPOSSIBLE_TIME, "'observedAt'"),
                arguments(REPORTS, PATROL.replace("2026-11-20", "1970-01-01"), DeadLetter.IMPOSSIBLE_TIME,
                        "outside 2000-2099"),
                arguments(REPORTS, PATROL.replace("}", ",\"reportedAt\":\"2026-11-20T10:00:00+08:00\"}"),
                        DeadLetter.IMPOSSIBLE_TIME, "before 'observedAt'"),
                arguments(REPORTS, PATROL.replace("\"R-1\"", "\"" + "R".repeat(INGEST.limits().idChars() + 1) + "\""),
                        DeadLetter.FIELD_TOO_LONG, "'reportId'"),
                arguments(REPORTS, PATROL.replace("}", ",\"note\":\"" + "长".repeat(INGEST.limits().textChars() + 1)
                        + "\"}"), DeadLetter.FIELD_TOO_LONG, "'note'"));
    }

    @ParameterizedTest(name = "{2}: {0} {1}")
    @MethodSource("badLines")
    void aBadLine_isDeadLetteredWithItsReason_detail_origin_andRawText(String stream, String line, String reason,
            String detail) {
        Ingested decoded = fromFile(stream, line);
        assertTrue(!decoded.isValid(), "decoded: " + decoded);
        DeadLetter letter = decoded.deadLetter();
        assertEquals(reason, letter.reason(), letter.detail());
        assertTrue(letter.detail().contains(detail), letter.detail());
        assertEquals(stream, letter.stream());
        assertEquals("in/day-1.jsonl", letter.source());
        assertEquals(17L, letter.line());
        assertNull(letter.partition());
        assertEquals(line, letter.raw(), "the line as it was");
        assertNull(letter.rawBase64());
    }

    @Test
    void aRecordFromKafka_namesTopicPartitionAndOffset() {
        Origin origin = Origin.kafka(REPORTS, "grid.reports", 1, 4711, Instant.parse("2026-11-20T02:06:00Z").toEpochMilli(),
                null);
        DeadLetter letter = DECODER.decode(REPORTS, origin, "{".getBytes(StandardCharsets.UTF_8)).deadLetter();
        assertEquals(DeadLetter.MALFORMED_JSON, letter.reason());
        assertEquals("grid.reports", letter.source());
        assertEquals(1, letter.partition());
        assertEquals(4711L, letter.offset());
        assertNull(letter.line());
    }

    @Test
    void anEventTimeFarAheadOfItsArrival_isDeadLetteredAsFuture_andWithinTheToleranceIsKept() {
        Instant observed = Instant.parse("2026-11-20T02:05:00Z");
        long tolerance = INGEST.futureTolerance().toDuration().toMillis();
        Ingested ahead = DECODER.decode(REPORTS, Origin.file(REPORTS, "in/day-1.jsonl", 3,
                observed.toEpochMilli() - tolerance - 1, null), PATROL.getBytes(StandardCharsets.UTF_8));
        assertEquals(DeadLetter.FUTURE, ahead.deadLetter().reason(), ahead.deadLetter().detail());
        assertTrue(ahead.deadLetter().detail().contains("ingest.futureTolerance"), ahead.deadLetter().detail());

        Ingested within = DECODER.decode(REPORTS, Origin.file(REPORTS, "in/day-1.jsonl", 3,
                observed.toEpochMilli() - tolerance, null), PATROL.getBytes(StandardCharsets.UTF_8));
        assertTrue(within.isValid(), String.valueOf(within.deadLetter()));
    }

    @Test
    void bytesThatAreNotUtf8_areKeptExactlyInBase64() {
        byte[] bytes = PATROL.replace("W0001", "W\u00e90001").getBytes(StandardCharsets.ISO_8859_1);
        DeadLetter letter = DECODER.decode(REPORTS, Origin.file(REPORTS, "in/day-1.jsonl", 5, null), bytes)
                .deadLetter();
        assertEquals(DeadLetter.ENCODING, letter.reason());
        assertNull(letter.raw());
        assertArrayEquals(bytes, Base64.getDecoder().decode(letter.rawBase64()));
        assertEquals(5L, letter.line());
    }

    @Test
    void aRecordOverTheSizeLimit_isDeadLetteredAsTooLarge_keepingItsHead() {
        int limit = INGEST.limits().recordBytes();
        String line = PATROL.replace("}", ",\"pad\":\"" + "x".repeat(limit) + "\"}");
        DeadLetter letter = fromFile(REPORTS, line).deadLetter();
        assertEquals(DeadLetter.TOO_LARGE, letter.reason());
        assertEquals(line.substring(0, limit), letter.raw());
        assertTrue(letter.detail().contains("ingest.limits.recordBytes"), letter.detail());
    }
}
