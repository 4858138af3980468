package org.gridwarden.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.ruleset.IngestRules;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder's fast path (streaming parse, usual time form) decodes exactly as its tree path: the same record
 * or the same dead letter, reason and detail, for every scenario line and for many hostile variants of them.
 */
class IngestDecoderPathsTest {

    private static final IngestRules INGEST = Fixtures.ruleSet().ingest();
    private static final IngestDecoder FAST = new IngestDecoder(Fixtures.reference(), INGEST);
    private static final IngestDecoder TREE = IngestDecoder.treeOnly(Fixtures.reference(), INGEST);

    /** Values put in place of a field's value, of every JSON type and of every time form. */
    private static final List<String> VALUES = List.of("null", "1", "-0", "3", "2147483648", "1.5", "1e2", "true",
            "false", "\"\"", "\"  \"", "\"3\"", "\"x\"", "{}", "{\"a\":[1,{}]}", "[]", "[\"R-1\"]", "\"\\u0052-1\"",
            "\"" + "长".repeat(INGEST.limits().textChars() + 1) + "\"", "\"2026-11-20T10:05:00+08:00\"",
            "\"2026-11-20T10:05+08:00\"", "\"2026-11-20T10:05:00.1+08:00\"", "\"2026-11-20T10:05:00.1234567891+08:00\"",
            "\"2026-11-20t10:05:00Z\"", "\"2026-11-20T10:05:00-00:00\"", "\"2026-11-20T10:05:00+18:01\"",
            "\"2026-11-20T10:05:00+08:00:00\"", "\"2026-11-20T24:00:00+08:00\"", "\"2026-02-29T10:05:00+08:00\"",
            "\"2028-02-29T10:05:00+08:00\"", "\"2026-11-20T10:05:60+08:00\"", "\"+2026-11-20T10:05:00+08:00\"",
            "\"2026-11-20T10:05:00.+08:00\"", "\"2026-11-20 10:05:00+08:00\"", "\"2026-11-20T10:05:00+0800\"");

    @Test
    void everyScenarioLine_decodesAlikeOnBothPaths() throws IOException {
        List<String[]> lines = scenarioLines();
        assertTrue(lines.size() > 1_000, "scenario lines read: " + lines.size());
        for (String[] line : lines) {
            assertSame(line[0], line[1]);
        }
    }

    @Test
    void hostileVariants_decodeAlikeOnBothPaths() throws IOException {
        Random random = new Random(20261205);
        List<String[]> lines = scenarioLines();
        int variants = 0;
        for (int i = 0; i < 4_000; i++) {
            String[] line = lines.get(random.nextInt(lines.size()));
            String variant = mutate(line[1], random);
            assertSame(line[0], variant);
            variants++;
        }
        assertEquals(4_000, variants);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[]", "42", "\"x\"", "null", "{} {}", "{}x", "{\"reportId\":\"R-1\"} 1",
        "\uFEFF{}", "{\"reportId\":\"R-1\",\"reportId\":{}}", "{\"reportId\":{},\"reportId\":\"R-1\"}",
        "{\"a\":\"\\x\"}", "{'reportId':'R-1'}", "{\"reportId\":\"R-1\",}"})
    void oddDocuments_decodeAlikeOnBothPaths(String line) {
        assertSame("grid.reports", line);
        assertSame("ledger.events", line);
    }

    @Test
    void theUsualTimeForm_isReadWithoutTheFormatter_andEqualsIt() {
        for (String s : List.of("2026-11-20T10:05:00+08:00", "2026-11-20T10:05:00Z", "2026-11-20T10:05:00.9+08:00",
                "2026-11-20T10:05:00.123456789-03:30", "2028-02-29T23:59:59.999+14:00", "1999-12-31T00:00:00+00:00")) {
            Instant usual = ContractTimes.usualForm(s);
            assertNotNull(usual, s);
            assertEquals(OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MILLIS), usual, s);
        }
    }

    @Test
    void anyOtherTimeText_isLeftToTheFormatter() {
        for (String value : VALUES) {
            String s = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            Instant usual = ContractTimes.usualForm(s);
            if (usual != null) {
                assertEquals(OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MILLIS), usual, s);
            } else {
                assertTrue(notUsual(s), "left to the formatter although usual: " + s);
            }
        }
        assertNull(ContractTimes.usualForm("2026-02-29T10:05:00+08:00"), "no such day");
        assertNull(ContractTimes.usualForm("2026-11-20T10:05:00+18:01"), "no such offset");
    }

    private static boolean notUsual(String s) {
        try {
            OffsetDateTime.parse(s);
            return !s.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)");
        } catch (DateTimeException invalid) {
            return true;
        }
    }

    private static void assertSame(String stream, String line) {
        Ingested fast = decode(FAST, stream, line);
        Ingested tree = decode(TREE, stream, line);
        assertEquals(tree, fast, () -> stream + ": " + shortened(line));
    }

    private static Ingested decode(IngestDecoder decoder, String stream, String line) {
        return decoder.decode(stream, Origin.file(stream, "in/day-1.jsonl", 3, null),
                line.getBytes(StandardCharsets.UTF_8));
    }

    /** A line with one field's value replaced, removed or repeated, or the line cut or followed by more. */
    private static String mutate(String line, Random random) {
        List<int[]> values = valueSpans(line);
        int[] span = values.get(random.nextInt(values.size()));
        String value = VALUES.get(random.nextInt(VALUES.size()));
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> line.substring(0, span[0]) + value + line.substring(span[1]);
            case 3 -> line.substring(0, line.length() - 1) + "," + line.substring(span[2], span[0]) + value + "}";
            case 4 -> line.substring(0, random.nextInt(line.length()));
            default -> line + (random.nextBoolean() ? " " : "") + value;
        };
    }

    /** For each top-level field of a flat line: where its value starts and ends, and where its name starts. */
    private static List<int[]> valueSpans(String line) {
        List<int[]> spans = new ArrayList<>();
        int i = 1;
        while (i < line.length() && line.charAt(i) == '"') {
            int nameStart = i;
            int colon = line.indexOf("\":", i + 1) + 1;
            int end = colon + 1;
            if (line.charAt(end) == '"') {
                end++;
                while (line.charAt(end) != '"') {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                while (line.charAt(end) != ',' && line.charAt(end) != '}') {
                    end++;
                }
            }
            spans.add(new int[] {colon + 1, end, nameStart});
            i = end + 1;
        }
        return spans;
    }

    /** Every input line of the sample scenarios, with its stream. */
    private static List<String[]> scenarioLines() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Fixtures.projectRoot().resolve("sample-data/scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                String name = file.getFileName().toString();
                String stream = name.startsWith("grid-reports") ? "grid.reports"
                        : name.startsWith("ledger-events") ? "ledger.events" : null;
                if (stream != null) {
                    Files.readAllLines(file).stream().filter(l -> l.startsWith("{\""))
                            .forEach(l -> lines.add(new String[] {stream, l}));
                }
            }
        }
        return lines;
    }

    private static String shortened(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
