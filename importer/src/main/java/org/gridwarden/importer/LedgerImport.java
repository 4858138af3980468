package org.gridwarden.importer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.codec.ContractJson;
import org.gridwarden.importer.RowResult.Rejected;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;

/**
 * Imports a city's CSV export of its service ledger (台账导入): every row becomes a case's ledger events in
 * {@value #LEDGER_EVENTS} (input contract v1, in event-time order, so that a streaming replay or a playback
 * to Kafka sees nothing late), or a dead letter in {@value #DEAD_LETTERS} with its line, reason and the row
 * as CSV. Optionally writes the reference data the imported ledger needs ({@link ReferenceEmitter}).
 * The whole ledger is sorted in memory: some hundred bytes per event.
 */
public final class LedgerImport {

    public static final String LEDGER_EVENTS = "ledger-events.jsonl";
    public static final String DEAD_LETTERS = "import-dlq.jsonl";
    /**
     * When the export was taken, {@code {"exportedAt": "2024-01-10T08:00:00-05:00"}}: the default horizon of a
     * replay of this directory, since a case still open at the export and past its due time is overdue then,
     * whatever the newest event says.
     */
    public static final String EXPORT_TIME = "export.json";
    /** The {@code stream} of the import's dead letters. */
    public static final String STREAM = "import";

    private static final Comparator<LedgerEvent> EVENT_TIME_ORDER = Comparator.comparing(LedgerEvent::at)
            .thenComparing(LedgerEvent::caseId).thenComparing(LedgerEvent::type);

    private final ImportMapping mapping;
    private final Path csv;
    private final CsvMapper csvMapper = new CsvMapper();
    private final AlertCodec codec = new AlertCodec();
    private final Map<String, Long> firstLineOfCase = new HashMap<>();
    private final List<LedgerEvent> events = new ArrayList<>();
    private final Map<ImportReason, Long> deadLettered = new EnumMap<>(ImportReason.class);
    private final ReferenceEmitter reference;
    private long rows;
    private long imported;

    private LedgerImport(ImportMapping mapping, Path csv) {
        this.mapping = mapping;
        this.csv = csv;
        this.reference = new ReferenceEmitter();
    }

    /**
     * Imports {@code csv} into {@code out}; with {@code referenceDir} not null, writes the reference data
     * there too (the mapping must then name it).
     */
    public static ImportSummary run(ImportMapping mapping, Path csv, Path out, Path referenceDir) throws IOException {
        return run(mapping, csv, out, referenceDir, null);
    }

    /**
     * As {@link #run(ImportMapping, Path, Path, Path)}, with the time the export was taken; null for the
     * mapping's {@code exportedAt}, else the newest event time of the import.
     */
    public static ImportSummary run(ImportMapping mapping, Path csv, Path out, Path referenceDir, Instant exportedAt)
            throws IOException {
        if (referenceDir != null && mapping.reference() == null) {
            throw new ImportMappingException(List.of(mapping.file() + ": reference: missing; --emit-reference needs"
                    + " the names of the district, its office and its supervision, e.g. reference: {district: {id:"
                    + " baltimore, name: Baltimore City}, office: {...}, supervision: {...}}"));
        }
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(csv + ": no such file");
        }
        return new LedgerImport(mapping, csv).into(out, referenceDir,
                exportedAt != null ? exportedAt : mapping.exportedAt());
    }

    /** The export time an import recorded in {@code dir}, if it is an import's output directory. */
    public static Optional<Instant> recordedExportTime(Path dir) throws IOException {
        Path file = dir.resolve(EXPORT_TIME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode at = new ObjectMapper().readTree(file.toFile()).path("exportedAt");
        try {
            return Optional.of(OffsetDateTime.parse(at.asText()).toInstant());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(file + ": exportedAt '" + at.asText() + "' is not a time such as"
                    + " 2024-01-10T08:00:00-05:00", e);
        }
    }

    private ImportSummary into(Path out, Path referenceDir, Instant givenExportTime) throws IOException {
        Instant began = Instant.now();
        Path deadLetterFile = out.resolve(DEAD_LETTERS);
        try (MappingIterator<List<String>> it = csvMapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv.toFile())) {
            if (!it.hasNextValue()) {
                throw new IllegalArgumentException(csv + ": empty; expected a header line and then one line per case");
            }
            List<String> header = it.nextValue().stream().map(String::trim).toList();
            List<String> missing = ImportMappingReader.missingColumns(mapping, csv, header);
            if (!missing.isEmpty()) {
                throw new ImportMappingException(missing);
            }
            Files.createDirectories(out);
            try (BufferedWriter dlq = Files.newBufferedWriter(deadLetterFile, StandardCharsets.UTF_8)) {
                readRows(it, header, dlq);
            }
        }
        events.sort(EVENT_TIME_ORDER);
        ContractJson json = new ContractJson(mapping.time().zone());
        Map<LedgerEventType, Long> byType = new EnumMap<>(LedgerEventType.class);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve(LEDGER_EVENTS), StandardCharsets.UTF_8)) {
            for (LedgerEvent e : events) {
                w.write(json.write(e));
                w.newLine();
                byType.merge(e.type(), 1L, Long::sum);
            }
        }
        Instant exportedAt = givenExportTime != null ? givenExportTime
                : events.isEmpty() ? null : events.get(events.size() - 1).at();
        Files.deleteIfExists(out.resolve(EXPORT_TIME));
        if (exportedAt != null) {
            Files.writeString(out.resolve(EXPORT_TIME), "{\"exportedAt\":\""
                    + exportedAt.atZone(mapping.time().zone()).toOffsetDateTime() + "\"}\n", StandardCharsets.UTF_8);
        }
        ImportSummary.EmittedReference emitted = referenceDir == null ? null : reference.write(referenceDir,
                mapping.reference(), mapping.time().zone(), "# Reference data made by gridwarden import"
                        + " --emit-reference from " + csv.getFileName() + " with the mapping " + mapping.file()
                        + ".\n");
        return new ImportSummary(csv, out.resolve(LEDGER_EVENTS), deadLetterFile, rows, imported, byType,
                deadLettered, events.isEmpty() ? null : local(events.get(0)),
                events.isEmpty() ? null : local(events.get(events.size() - 1)),
                exportedAt == null ? null : exportedAt.atZone(mapping.time().zone()).toOffsetDateTime(),
                givenExportTime != null, emitted,
                Duration.between(began, Instant.now()));
    }

    /** Converts every row after the header, keeping the cases and writing the dead letters. */
    private void readRows(MappingIterator<List<String>> it, List<String> header, BufferedWriter dlq)
            throws IOException {
        RowConverter converter = new RowConverter(mapping);
        while (true) {
            long line = it.getCurrentLocation().getLineNr();
            if (!it.hasNextValue()) {
                return;
            }
            List<String> values = it.nextValue();
            if (values.stream().allMatch(String::isBlank)) {
                continue; // an empty line is no row
            }
            rows++;
            Rejected rejected = row(header, values, line, converter);
            if (rejected != null) {
                deadLettered.merge(rejected.reason(), 1L, Long::sum);
                dlq.write(codec.toJson(new DeadLetter(rejected.reason().name(), rejected.detail(), STREAM,
                        csv.toString(), null, null, line, asCsv(values))));
                dlq.newLine();
            }
        }
    }

    /** Converts one row and keeps its case; the rejection when it does not become one. */
    private Rejected row(List<String> header, List<String> values, long line, RowConverter converter) {
        if (values.size() != header.size()) {
            return new Rejected(ImportReason.MALFORMED_ROW, values.size() + " values where the header has "
                    + header.size() + " columns");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        String caseId = row.get(mapping.columns().caseId().name()).trim();
        Long first = caseId.isEmpty() ? null : firstLineOfCase.putIfAbsent(caseId, line);
        if (first != null) {
            return new Rejected(ImportReason.REPEATED_CASE_ID, mapping.columns().caseId().name() + " '" + caseId
                    + "' is on line " + first + " already");
        }
        RowResult result = converter.convert(row);
        if (result instanceof LedgerCase c) {
            imported++;
            events.addAll(c.events());
            reference.add(c);
            return null;
        }
        return (Rejected) result;
    }

    private OffsetDateTime local(LedgerEvent e) {
        return e.at().atZone(mapping.time().zone()).toOffsetDateTime();
    }

    private String asCsv(List<String> values) throws IOException {
        String text = csvMapper.writer(CsvSchema.emptySchema()).writeValueAsString(values);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
