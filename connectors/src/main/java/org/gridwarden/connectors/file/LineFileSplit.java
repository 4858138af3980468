package org.gridwarden.connectors.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;

/**
 * One input file, read line by line from {@code linesDone} on; remembering the line count is what lets a
 * dead letter name its file and line, and a restored reader continue where it stopped.
 */
public record LineFileSplit(String file, long linesDone)
        implements IteratorSourceSplit<LineFileSplit.Line, LineFileSplit.LineIterator> {

    /** Whether the file holds any non-blank line. */
    static boolean hasLines(String file) {
        try (LineIterator lines = new LineIterator(file, 0)) {
            return lines.hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A line of a file with its 1-based number. */
    public record Line(String file, long number, String text) {}

    @Override
    public String splitId() {
        return file;
    }

    @Override
    public LineIterator getIterator() {
        return new LineIterator(file, linesDone);
    }

    @Override
    public LineFileSplit getUpdatedSplitForIterator(LineIterator iterator) {
        return new LineFileSplit(file, iterator.linesDone);
    }

    /** Reads lines lazily; closes the file at its end. Blank lines are skipped but counted. */
    public static final class LineIterator implements Iterator<Line>, java.io.Closeable {
        private final String file;
        private BufferedReader reader;
        private long linesDone;
        private Line next;

        LineIterator(String file, long skip) {
            this.file = file;
            try {
                InputStream in = Files.newInputStream(Path.of(file));
                if (file.endsWith(".gz")) {
                    in = new GZIPInputStream(in, 1 << 16);
                }
                reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                while (linesDone < skip && reader.readLine() != null) {
                    linesDone++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (reader == null) {
                return false;
            }
            try {
                String text;
                while ((text = reader.readLine()) != null) {
                    linesDone++;
                    if (!text.isBlank()) {
                        next = new Line(file, linesDone, text);
                        return true;
                    }
                }
                reader.close();
                reader = null;
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " after line " + linesDone, e);
            }
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line line = next;
            next = null;
            return line;
        }
    }
}
