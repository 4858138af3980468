package org.gridwarden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.file.LineFileSplit;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.IngestRules;

/**
 * The floors under any replay of the files, single-threaded: {@link #decode} reads every line and decodes it
 * to its model record (GridReport or LedgerEvent) or dead letter with the job's own codec
 * ({@link IngestDecoder}: the project's Jackson mapper, the contract's field checks and the reference-data
 * checks), and applies no rule: a replay cannot go faster per core than this. {@link #read} only reads the
 * lines (the I/O floor), to show how much of the parse floor is decoding. {@link #decodeByTree} decodes with
 * the codec's exact path alone (a JSON tree per line, every time through the formatter), the decoding before
 * the fast path, to measure that path in the same run.
 *
 * <p>Each is run {@code runs} times over all files and the last run is reported (see
 * {@link BaselineResult#lastOf}).
 */
public final class ParseFloor {

    public static final String VALID = "valid records";
    public static final String DEAD_LETTERS = "dead letters";
    /** What the I/O floor counts: the characters of the lines read. */
    public static final String CHARACTERS = "characters";

    private ParseFloor() {}

    /** Reads and decodes every line of {@code files}, in the order given; counts valid records and dead letters. */
    public static BaselineResult decode(List<Path> files, ReferenceData reference, IngestRules ingest, int runs) {
        return BaselineResult.lastOf(runs,
                () -> decodeOnce("parse floor", files, new IngestDecoder(reference, ingest)));
    }

    /** As {@link #decode}, with the codec's tree path alone. */
    public static BaselineResult decodeByTree(List<Path> files, ReferenceData reference, IngestRules ingest,
            int runs) {
        return BaselineResult.lastOf(runs,
                () -> decodeOnce("parse floor, tree decoding", files, IngestDecoder.treeOnly(reference, ingest)));
    }

    /** Reads every line of {@code files} as the replay source does, without decoding. */
    public static BaselineResult read(List<Path> files, int runs) {
        return BaselineResult.lastOf(runs, () -> readOnce(files));
    }

    private static BaselineResult decodeOnce(String name, List<Path> files, IngestDecoder decoder) {
        long valid = 0;
        long deadLetters = 0;
        RunTimer timer = RunTimer.start();
        for (Path file : files) {
            try (DecodedStream records = new DecodedStream(InputFiles.streamOf(file), List.of(file), decoder)) {
                while (records.hasNext()) {
                    Ingested r = records.next();
                    if (r.isValid()) {
                        valid++;
                    } else {
                        deadLetters++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        double seconds = timer.seconds();
        double cpuSeconds = timer.cpuSeconds();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(VALID, valid);
        counts.put(DEAD_LETTERS, deadLetters);
        return new BaselineResult(name, valid + deadLetters, InputFiles.bytes(files), seconds, cpuSeconds,
                counts);
    }

    private static BaselineResult readOnce(List<Path> files) {
        long lines = 0;
        long chars = 0;
        RunTimer timer = RunTimer.start();
        for (Path file : files) {
            try (LineFileSplit.LineIterator it = InputFiles.lines(file)) {
                while (it.hasNext()) {
                    // the length is read so that the line is used, as a decoder would use it
                    chars += new String(it.next().bytes(), StandardCharsets.UTF_8).length();
                    lines++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        double seconds = timer.seconds();
        double cpuSeconds = timer.cpuSeconds();
        return new BaselineResult("I/O floor", lines, InputFiles.bytes(files), seconds, cpuSeconds,
                Map.of(CHARACTERS, chars));
    }
}
