package org.gridwarden.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The two outputs read back as written: an alert with every field set (as a consumer of an alert topic gets
 * it) and a dead letter with every field set, both whole and within a size limit.
 */
class OutputJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recorded alert of the district week, with the emission time the sink adds. */
    private static String fullAlert() throws Exception {
        Path expected = Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl");
        try (Stream<String> lines = Files.lines(expected)) {
            String line = lines.filter(l -> l.contains("\"caseId\"") && l.contains("\"deadline\"")).findFirst()
                    .orElseThrow();
            return line.substring(0, line.lastIndexOf('}')) + ", \"emittedAt\": \"2026-11-16T05:05:01.250Z\"}";
        }
    }

    @Test
    void anAlertWithEveryField_roundTrips_andTheJsonNamesEveryField() throws Exception {
        AlertCodec codec = new AlertCodec();
        Alert alert = codec.decodeAlert(fullAlert());
        JsonNode written = JSON.readTree(codec.encode(alert));
        List<String> absent = new ArrayList<>();
        for (var component : Alert.class.getRecordComponents()) {
            JsonNode v = written.get(component.getName());
            if (v == null || v.isNull() || (v.isArray() && v.isEmpty())) {
                absent.add(component.getName());
            }
        }
        assertEquals(List.of(), absent, "every field of the alert is written: " + written);
        assertEquals(alert, codec.decodeAlert(codec.encode(alert)));
        assertEquals("2026-11-16T05:05:01.250Z", written.get("emittedAt").asText(), "ISO-8601, millisecond kept");
    }

    @Test
    void aDeadLetterWithEveryField_roundTrips_wholeAndWithinALimit() throws Exception {
        AlertCodec codec = new AlertCodec();
        DeadLetter letter = new DeadLetter(DeadLetter.ENCODING, "not valid UTF-8 at byte 3 of 9", "grid.reports",
                "grid.reports", 1, 4711L, null, "{\"a\":1}", "eyJh/w==");
        DeadLetter fromFile = new DeadLetter(DeadLetter.MISSING_FIELD, "field 'reportId' is required", "grid.reports",
                "in/day-1.jsonl", null, null, 17L, "{\"gridId\":\"S01C01G01\"}", null);
        assertEquals(letter, codec.decodeDeadLetter(codec.toJson(letter)));
        assertEquals(fromFile, codec.decodeDeadLetter(new String(codec.encode(fromFile), "UTF-8")));
        JsonNode written = JSON.readTree(codec.encode(letter));
        for (var component : DeadLetter.class.getRecordComponents()) {
            // a Kafka record has no line: the key is still written, as null
            assertTrue(written.has(component.getName()), component.getName() + " in " + written);
        }

        DeadLetter huge = new DeadLetter(DeadLetter.TOO_LARGE, "d".repeat(100_000), "ledger.events", "ledger.events",
                0, 9L, null, "r".repeat(500_000));
        byte[] bounded = codec.encode(huge, 64 * 1024);
        assertTrue(bounded.length <= 64 * 1024, bounded.length + " bytes");
        DeadLetter shortened = codec.decodeDeadLetter(new String(bounded, "UTF-8"));
        assertEquals(List.of(DeadLetter.TOO_LARGE, "ledger.events", "ledger.events", 0, 9L),
                List.of(shortened.reason(), shortened.stream(), shortened.source(), shortened.partition(),
                        shortened.offset()));
        assertEquals(letter, codec.decodeDeadLetter(new String(codec.encode(letter, 64 * 1024), "UTF-8")),
                "a dead letter within the limit is written whole");
    }
}
