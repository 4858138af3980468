package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records built to hurt, in files: one larger than the record limit, an id and a note longer than theirs,
 * bytes that are not UTF-8. Each is dead-lettered with its own reason and the field named, the raw kept as
 * received (truncated to the limit when too large, as exact bytes in base64 when not text); the valid records
 * around them are processed.
 */
class OversizedAndUnreadableInputTest {

    private static final String CREATED = "{\"eventId\":\"%s-c\",\"caseId\":\"%s\",\"type\":\"CREATED\","
            + "\"at\":\"2026-11-16T09:00:00+08:00\",\"channel\":\"WINDOW\",\"category\":\"welfare.subsidy_inquiry\","
            + "\"gridId\":\"S01C01G01\",\"priority\":\"NORMAL\"%s}";
    private static final String PATROL = "{\"reportId\":\"R-1\",\"gridId\":\"S01C01G01\",\"workerId\":\"W0001\","
            + "\"kind\":\"PATROL\",\"hazardFound\":false,\"observedAt\":\"2026-11-16T09:00:00+08:00\",\"note\":\"%s\"}";

    @Test
    void eachHostileRecord_isDeadLetteredWithItsReason_andItsRawKeptAsReceived(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String longId = "K".repeat(300);
        String tooLarge = CREATED.formatted("BIG", "BIG", ",\"padding\":\"" + "x".repeat(70_000) + "\"");
        byte[] notUtf8 = concat(CREATED.formatted("BAD", "BAD", ",\"address\":\"").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xE6, (byte) 0xB9, '\"', '}'});
        ByteArrayOutputStream ledger = new ByteArrayOutputStream();
        for (byte[] line : List.of(utf8(CREATED.formatted("OK", "OK", "")), utf8(CREATED.formatted("LONG", longId, "")),
                utf8(tooLarge), notUtf8)) {
            ledger.write(line);
            ledger.write('\n');
        }
        Files.write(in.resolve("ledger-events.jsonl"), ledger.toByteArray());
        Files.writeString(in.resolve("grid-reports.jsonl"), PATROL.formatted("fine") + "\n"
                + PATROL.formatted("n".repeat(5_000)).replace("R-1", "R-2") + "\n");

        ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(in, dir.resolve("out"), null, 2),
                Fixtures.reference(), Fixtures.ruleSet(), System.out);

        AlertCodec codec = new AlertCodec();
        Map<Long, DeadLetter> ledgerDeadLetters = Files.readAllLines(dir.resolve("out/dlq.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(codec::decodeDeadLetter)
                .filter(d -> d.stream().equals("ledger.events"))
                .collect(Collectors.toMap(DeadLetter::line, Function.identity()));
        DeadLetter longCaseId = ledgerDeadLetters.get(2L);
        assertEquals(DeadLetter.FIELD_TOO_LONG, longCaseId.reason());
        assertTrue(longCaseId.detail().startsWith("field 'caseId': 300 characters, more than the 128"), longCaseId.detail());
        assertEquals(CREATED.formatted("LONG", longId, ""), longCaseId.raw());

        DeadLetter large = ledgerDeadLetters.get(3L);
        assertEquals(DeadLetter.TOO_LARGE, large.reason());
        assertTrue(large.detail().contains(String.format("%,d bytes", tooLarge.length())), large.detail());
        assertEquals(tooLarge.substring(0, 65_536), large.raw(), "raw kept truncated to the limit");

        DeadLetter encoding = ledgerDeadLetters.get(4L);
        assertEquals(DeadLetter.ENCODING, encoding.reason());
        assertNull(encoding.raw(), "no text with replaced characters");
        assertArrayEquals(notUtf8, Base64.getDecoder().decode(encoding.rawBase64()), "the bytes exactly as received");
        assertEquals(3, ledgerDeadLetters.size());

        List<DeadLetter> reportDeadLetters = Files.readAllLines(dir.resolve("out/dlq.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(codec::decodeDeadLetter)
                .filter(d -> d.stream().equals("grid.reports")).toList();
        assertEquals(1, reportDeadLetters.size());
        assertEquals(DeadLetter.FIELD_TOO_LONG, reportDeadLetters.get(0).reason());
        assertTrue(reportDeadLetters.get(0).detail().startsWith("field 'note': 5,000 characters, more than the 4,096"),
                reportDeadLetters.get(0).detail());

        assertEquals(6, summary.in());
        assertEquals(2, summary.processed());
        assertEquals(4, summary.invalid());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
