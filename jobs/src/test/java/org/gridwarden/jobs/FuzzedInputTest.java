package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded random mutations of the recorded week's contract lines (truncated, bytes flipped, invalid
 * UTF-8 inserted, huge fields, wrong types, duplicate keys): the decoder never throws, and a replay of them
 * accounts for every record, processed or dead-lettered with a reason (in = processed + dead-lettered +
 * duplicates).
 */
class FuzzedInputTest {

    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");
    private static final int RECORDS = 10_000;
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE6, (byte) 0xB9}};
    private static final String[] WRONG_VALUES = {"123", "true", "[]", "{}", "null", "-1.5e308", "\"\"", "[1,[2]]"};

    @Test
    void everyMutatedRecord_isProcessedOrDeadLetteredWithAReason(@TempDir Path dir) throws Exception {
        Random random = new Random(20261205);
        List<String> reports = nonBlank(WEEK.resolve("grid-reports.jsonl"));
        List<String> ledger = nonBlank(WEEK.resolve("ledger-events.jsonl"));
        List<byte[]> mutatedReports = new ArrayList<>();
        List<byte[]> mutatedLedger = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            boolean report = random.nextBoolean();
            List<String> from = report ? reports : ledger;
            byte[] mutated = mutate(from.get(random.nextInt(from.size())), random);
            (report ? mutatedReports : mutatedLedger).add(mutated);
        }

        IngestDecoder decoder = new IngestDecoder(Fixtures.reference(), Fixtures.ruleSet().ingest());
        int deadLetters = 0;
        for (int i = 0; i < RECORDS; i++) {
            boolean report = i < mutatedReports.size();
            byte[] bytes = report ? mutatedReports.get(i) : mutatedLedger.get(i - mutatedReports.size());
            String stream = report ? IngestDecoder.GRID_REPORTS : IngestDecoder.LEDGER_EVENTS;
            Ingested decoded = decoder.decode(stream, Origin.file(stream, "fuzz.jsonl", i + 1, null), bytes);
            if (!decoded.isValid()) {
                deadLetters++;
                DeadLetter d = decoded.deadLetter();
                assertNotNull(d.reason(), "a reason");
                assertNotNull(d.detail(), "a detail");
                if (d.reason().equals(DeadLetter.ENCODING)) {
                    assertArrayEquals(bytes, Base64.getDecoder().decode(d.rawBase64()), "bytes kept exactly");
                }
            }
        }
        System.out.printf("fuzz: %,d of %,d mutated records dead-lettered by the decoder%n", deadLetters, RECORDS);
        assertTrue(deadLetters > RECORDS / 2, "most mutations break a record: " + deadLetters);

        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("grid-reports.jsonl"), mutatedReports);
        write(in.resolve("ledger-events.jsonl"), mutatedLedger);
        ReplaySummary s = ReplayJob.run(new ReplayJob.Settings(in, dir.resolve("out"), null, 2),
                Fixtures.reference(), Fixtures.ruleSet(), System.out);

        assertEquals(RECORDS, s.in(), "every line read");
        assertEquals(s.in(), s.processed() + s.deadLettered() + s.duplicates(),
                "in = processed + dead-lettered + duplicates");
        AlertCodec codec = new AlertCodec();
        List<DeadLetter> dlq = Files.readAllLines(dir.resolve("out/dlq.jsonl")).stream().filter(l -> !l.isBlank())
                .map(codec::decodeDeadLetter).toList();
        assertEquals(s.deadLettered(), dlq.size(), "every dead letter written");
        assertTrue(dlq.stream().allMatch(d -> d.reason() != null && d.line() != null), "each with reason and line");
        assertTrue(dlq.stream().noneMatch(d -> d.raw() != null && d.raw().contains("\uFFFD")),
                "no raw text with replaced characters");
        assertTrue(dlq.stream().anyMatch(d -> d.reason().equals(DeadLetter.ENCODING)), "invalid UTF-8 is ENCODING");
    }

    /** One random mutation; never a line break or a blank line, so that one mutation stays one record. */
    private static byte[] mutate(String line, Random random) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(7)) {
            case 0 -> bytes = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
            case 1 -> {
                for (int n = 1 + random.nextInt(5); n > 0; n--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = (byte) (bytes[at] ^ (1 + random.nextInt(255)));
                    if (bytes[at] == '\n' || bytes[at] == '\r') {
                        bytes[at] = '#';
                    }
                }
            }
            case 2 -> bytes = insert(bytes, random.nextInt(bytes.length), INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case 3 -> bytes = replaceValue(line, random, "\"" + "长x\\u0001".repeat(random.nextInt(random.nextInt(20) == 0
                    ? 20_000 : 2_000)) + "\"");
            case 4 -> bytes = replaceValue(line, random, WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]);
            case 5 -> bytes = ("{\"eventId\":\"DUP\",\"reportId\":\"DUP\"," + line.substring(1)).getBytes(StandardCharsets.UTF_8);
            default -> { } // unchanged: a valid record or an exact duplicate
        }
        return bytes;
    }

    /** The line with the value of one random field replaced by {@code value}. */
    private static byte[] replaceValue(String line, Random random, String value) {
        String[] fields = line.substring(1, line.length() - 1).split(", \"");
        int i = random.nextInt(fields.length);
        int colon = fields[i].indexOf("\": ");
        if (colon > 0) {
            fields[i] = fields[i].substring(0, colon) + "\": " + value;
        }
        return ("{" + String.join(", \"", fields) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static List<String> nonBlank(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    private static void write(Path file, List<byte[]> lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            bytes.write(line);
            bytes.write('\n');
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            bytes.writeTo(out);
        }
    }
}
