package org.gridwarden.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.file.JsonLinesSource;
import org.gridwarden.rules.ingest.IngestWatermarks;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * The history a bounded run reads (回放输入): the {@code grid-reports*} and {@code ledger-events*} JSON-lines
 * files (plain or .gz) anywhere below a directory, each stream read by one source.
 */
public record ReplayInput(List<Path> gridReports, List<Path> ledgerEvents) {

    /** The two input streams, decoded, with event time from each record. */
    public record Streams(DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents) {}

    /** The input files below {@code dir}, in path order; refused when there are none. */
    public static ReplayInput in(Path dir) {
        ReplayInput input = new ReplayInput(files(dir, "grid-reports"), files(dir, "ledger-events"));
        if (input.gridReports().isEmpty() && input.ledgerEvents().isEmpty()) {
            throw new IllegalArgumentException(
                    dir + ": no grid-reports*.jsonl[.gz] or ledger-events*.jsonl[.gz] files in it");
        }
        return input;
    }

    /** One source per stream, out of order by at most {@code allowedLateness}. */
    public Streams read(StreamExecutionEnvironment env, ReferenceData reference, Duration allowedLateness) {
        IngestDecoder decoder = new IngestDecoder(reference);
        WatermarkStrategy<Ingested> watermarks = IngestWatermarks.strategy(allowedLateness, null);
        DataStream<Ingested> reports = env
                .fromSource(new JsonLinesSource(gridReports, IngestDecoder.GRID_REPORTS, decoder), watermarks,
                        "Grid reports (files)")
                .uid("grid-reports-files");
        DataStream<Ingested> ledger = env
                .fromSource(new JsonLinesSource(ledgerEvents, IngestDecoder.LEDGER_EVENTS, decoder), watermarks,
                        "Ledger events (files)")
                .uid("ledger-events-files");
        return new Streams(reports, ledger);
    }

    private static List<Path> files(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(prefix) && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
