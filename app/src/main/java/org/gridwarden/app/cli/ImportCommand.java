package org.gridwarden.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.gridwarden.importer.ImportMapping;
import org.gridwarden.importer.ImportMappingReader;
import org.gridwarden.importer.ImportSummary;
import org.gridwarden.importer.LedgerImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a city's CSV export of its service ledger into input contract v1"
                + " (ledger-events.jsonl, one CREATED, ASSIGNED and, when closed, CLOSED per row) as a YAML mapping"
                + " says; rows that cannot be converted go to import-dlq.jsonl with line and reason, and the time the"
                + " export was taken goes to export.json, the default horizon of `gridwarden replay --input DIR`."
                + " With --emit-reference, also the reference data the imported ledger needs, so that"
                + " `gridwarden replay --reference DIR` runs on it.")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--mapping", required = true, paramLabel = "FILE",
            description = "Import mapping YAML, e.g. sample-data/baltimore/mapping.yaml.")
    Path mapping;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The export, with a header line.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory for ledger-events.jsonl and import-dlq.jsonl.")
    Path out;

    @Option(names = "--emit-reference", paramLabel = "DIR",
            description = "Also write district.yaml, grids.csv, departments.yaml, categories.yaml and calendar/"
                    + " made from the export here.")
    Path emitReference;

    @Option(names = "--exported-at", paramLabel = "TIME", converter = ImportCommand.OffsetTimeConverter.class,
            description = "When the export was taken, e.g. 2024-01-10T08:00:00-05:00; recorded in DIR/export.json"
                    + " as the default horizon of `replay --input DIR`. Default: exportedAt of the mapping, else the"
                    + " newest event.")
    Instant exportedAt;

    @Override
    public Integer call() throws Exception {
        ImportMapping m = ImportMappingReader.read(mapping);
        m.warnings().forEach(w -> System.err.println("warning: " + w));
        PrintStream console = System.out;
        console.printf("Importing %s with the mapping %s%s%n", input, mapping,
                m.source() == null ? "" : " (" + m.source() + ")");
        ImportSummary summary = LedgerImport.run(m, input, out, emitReference, exportedAt);
        summary.print(console);
        return 0;
    }

    /** The export's own zone is not the district's: the time must carry its offset. */
    static final class OffsetTimeConverter implements picocli.CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "'" + value + "' is not a time with offset such as 2024-01-10T08:00:00-05:00");
            }
        }
    }
}
