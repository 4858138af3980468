package org.gridwarden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.file.LineFileSplit;

/**
 * The input files of a baseline as the replay reads them: {@code grid-reports*} and {@code ledger-events*}
 * JSON lines (plain or .gz), read with the replay source's own line reader.
 */
final class InputFiles {

    private InputFiles() {}

    /** The input stream a file holds, by its name: {@link IngestDecoder#GRID_REPORTS} or {@link IngestDecoder#LEDGER_EVENTS}. */
    static String streamOf(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("grid-reports")) {
            return IngestDecoder.GRID_REPORTS;
        }
        if (name.startsWith("ledger-events")) {
            return IngestDecoder.LEDGER_EVENTS;
        }
        throw new IllegalArgumentException(file + ": not an input file; expected grid-reports*.jsonl[.gz] or "
                + "ledger-events*.jsonl[.gz]");
    }

    /** The files of one stream, in the order given (a day archive's days in order). */
    static List<Path> ofStream(List<Path> files, String stream) {
        return files.stream().filter(f -> streamOf(f).equals(stream)).toList();
    }

    /** The non-blank lines of a file with their numbers, as the replay source reads them. */
    static LineFileSplit.LineIterator lines(Path file) {
        return new LineFileSplit(file.toString(), 0).getIterator();
    }

    /** Size of the files on disk (compressed, for .gz). */
    static long bytes(List<Path> files) {
        long bytes = 0;
        for (Path f : files) {
            try {
                bytes += Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return bytes;
    }
}
