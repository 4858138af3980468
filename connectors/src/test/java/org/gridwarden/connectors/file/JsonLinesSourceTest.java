package org.gridwarden.connectors.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's file source on a real (in-JVM) Flink cluster: several files, plain and gzipped, each a split of
 * its own; every record and every dead letter names its file and 1-based line, counting blank lines; a line
 * that crosses the reader's 64 KiB buffer is read whole; a last line without a newline is read; and a split
 * restored at a line count goes on with the next line.
 */
class JsonLinesSourceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path dir;

    private static String patrol(String id, String extra) {
        return "{\"reportId\":\"" + id + "\",\"gridId\":\"S01C01G01\",\"workerId\":\"W0001\",\"kind\":\"PATROL\","
                + "\"hazardFound\":false,\"observedAt\":\"2026-11-20T10:05:00+08:00\"" + extra + "}";
    }

    /** An unknown field (ignored by the decoder) that makes a line about {@code bytes} long. */
    private static String padding(int bytes) {
        return ",\"pad\":\"" + "x".repeat(bytes) + "\"";
    }

    @Test
    void everyLineOfEveryFile_isReadOnce_andNamesItsFileAndLine() throws Exception {
        Path a = dir.resolve("a.jsonl");
        // lines 1 and 2 are 40,000 bytes each, so line 2 crosses the reader's 65,536-byte buffer
        String a1 = patrol("A-1", padding(40_000));
        String a2 = patrol("A-2", padding(40_000));
        Files.writeString(a, a1 + "\n" + a2 + "\n\n   \n" + "{not json\n" + patrol("A-6", "") + "\r\n"
                + patrol("A-7", "").replace("S01C01G01", "S99C99G99") + "\n");
        Path b = dir.resolve("b.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(b))) {
            out.write((patrol("B-1", "") + "\n" + patrol("B-2", "")).getBytes(StandardCharsets.UTF_8)); // no final \n
        }
        Path empty = dir.resolve("c.jsonl");
        Files.writeString(empty, "\n\n");

        List<String> read = new ArrayList<>();
        for (Ingested r : run(List.of(a, b, empty))) {
            read.add(r.isValid()
                    ? r.origin().source() + ":" + r.origin().line() + " " + r.report().reportId()
                    : r.deadLetter().source() + ":" + r.deadLetter().line() + " " + r.deadLetter().reason());
        }
        assertEquals(new TreeSet<>(List.of(
                a + ":1 A-1",
                a + ":2 A-2",
                a + ":5 MALFORMED_JSON",
                a + ":6 A-6",
                a + ":7 UNKNOWN_REFERENCE",
                b + ":1 B-1",
                b + ":2 B-2")), new TreeSet<>(read));
        assertEquals(7, read.size(), "each line once: " + read);
    }

    @Test
    void aSplitRestoredAtALineCount_goesOnWithTheNextLine() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Files.writeString(a, patrol("A-1", "") + "\n\n" + patrol("A-3", padding(70_000)) + "\n" + patrol("A-4", "")
                + "\n");
        LineFileSplit.LineIterator lines = new LineFileSplit(a.toString(), 0).getIterator();
        assertEquals(1, lines.next().number());
        LineFileSplit checkpointed = new LineFileSplit(a.toString(), 0).getUpdatedSplitForIterator(lines);
        lines.close();

        LineFileSplit restored = LineFileSplitSerializer.SPLIT.deserialize(LineFileSplitSerializer.SPLIT.getVersion(),
                LineFileSplitSerializer.SPLIT.serialize(checkpointed));
        assertEquals(checkpointed, restored);
        List<String> rest = new ArrayList<>();
        try (LineFileSplit.LineIterator more = restored.getIterator()) {
            more.forEachRemaining(l -> rest.add(l.number() + " " + new String(l.bytes(), StandardCharsets.UTF_8)
                    .substring(0, 17)));
        }
        assertEquals(List.of("3 {\"reportId\":\"A-3\"", "4 {\"reportId\":\"A-4\""), rest);
    }

    private List<Ingested> run(List<Path> files) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1); // the test cluster has one slot; the two files are still two splits
        IngestDecoder decoder = new IngestDecoder(Fixtures.reference(), Fixtures.ruleSet().ingest());
        List<Ingested> out = new ArrayList<>();
        try (CloseableIterator<Ingested> it = env.fromSource(new JsonLinesSource(files, IngestDecoder.GRID_REPORTS,
                decoder, null), WatermarkStrategy.noWatermarks(), "lines").executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
