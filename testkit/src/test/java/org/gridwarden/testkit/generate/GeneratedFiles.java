package org.gridwarden.testkit.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridwarden.rules.ingest.IngestValidator;
import org.gridwarden.rules.ingest.Problem;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.gridwarden.testkit.generate.StreamGenerator;

/**
 * Reads generated files back independently of the generator, as a pipeline would: every line is a valid
 * record, an exact duplicate of an earlier one, or broken (not JSON, a required field missing, an unknown
 * reference, a time that does not parse).
 */
public final class GeneratedFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One valid record with its line as written. */
    public record Line<T>(T record, String text) {}

    public record Read<T>(int lines, List<Line<T>> records, List<String> duplicates, List<String> broken) {}

    private GeneratedFiles() {}

    public static Read<GridReport> reports(Path dir) throws IOException {
        return reports(dir, Fixtures.reference());
    }

    /** The grid reports of a district or city with its own reference data. */
    public static Read<GridReport> reports(Path dir, ReferenceData reference) throws IOException {
        return read(dir.resolve(StreamGenerator.GRID_REPORTS), GridReport.class,
                List.of("reportId", "gridId", "workerId", "kind", "observedAt"), GridReport::reportId,
                new IngestValidator(reference)::check);
    }

    public static Read<LedgerEvent> ledger(Path dir) throws IOException {
        return ledger(dir, Fixtures.reference());
    }

    public static Read<LedgerEvent> ledger(Path dir, ReferenceData reference) throws IOException {
        return read(dir.resolve(StreamGenerator.LEDGER_EVENTS), LedgerEvent.class,
                List.of("eventId", "caseId", "type", "at"), LedgerEvent::eventId, new IngestValidator(reference)::check);
    }

    public static GenerationSummary manifest(Path dir) throws IOException {
        return MAPPER.readValue(dir.resolve(StreamGenerator.MANIFEST).toFile(), GenerationSummary.class);
    }

    private static <T> Read<T> read(Path file, Class<T> type, List<String> required, Function<T, String> id,
            Function<T, Optional<Problem>> validator) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Line<T>> records = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String text : lines) {
            T record = parse(text, type, required);
            if (record == null || validator.apply(record).isPresent()) {
                broken.add(text);
                continue;
            }
            String first = seen.putIfAbsent(id.apply(record), text);
            if (first == null) {
                records.add(new Line<>(record, text));
            } else if (first.equals(text)) {
                duplicates.add(text);
            } else {
                throw new AssertionError(
                        "id " + id.apply(record) + " used by two different records:\n" + first + "\n" + text);
            }
        }
        return new Read<>(lines.size(), records, duplicates, broken);
    }

    /** The record, or null if the line is not JSON, misses a required field or has a value that does not parse. */
    private static <T> T parse(String text, Class<T> type, List<String> required) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject() || required.stream().anyMatch(f -> !node.hasNonNull(f))) {
                return null;
            }
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static <T> Map<String, Long> countByKind(Read<T> read, Function<T, String> kind) {
        Map<String, Long> counts = new LinkedHashMap<>();
        read.records().forEach(l -> counts.merge(kind.apply(l.record()), 1L, Long::sum));
        return counts;
    }
}
