package org.gridwarden.connectors.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    public static boolean hasLines(String file) {
        try (LineIterator lines = new LineIterator(file, 0)) {
            return lines.hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A line of a file with its 1-based number, as the bytes in the file (the decoder decides what they say). */
    public record Line(String file, long number, byte[] bytes) {}

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
        private InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int filled;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 10);
        private long linesDone;
        private Line next;

        LineIterator(String file, long skip) {
            this.file = file;
            try {
                InputStream raw = Files.newInputStream(Path.of(file));
                in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                while (linesDone < skip && readLine() != null) {
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
            if (in == null) {
                return false;
            }
            try {
                byte[] bytes;
                while ((bytes = readLine()) != null) {
                    linesDone++;
                    if (!isBlank(bytes)) {
                        next = new Line(file, linesDone, bytes);
                        return true;
                    }
                }
                in.close();
                in = null;
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " after line " + linesDone, e);
            }
        }

        /** The next line without its end (\n or \r\n), or null at the end of the file. */
        private byte[] readLine() throws IOException {
            line.reset();
            boolean ended = false;
            while (!ended) {
                if (position == filled) {
                    filled = Math.max(0, in.read(buffer));
                    position = 0;
                    if (filled == 0) {
                        if (line.size() == 0) {
                            return null;
                        }
                        break;
                    }
                }
                int start = position;
                while (position < filled && buffer[position] != '\n') {
                    position++;
                }
                line.write(buffer, start, position - start);
                if (position < filled) {
                    position++; // past the \n
                    ended = true;
                }
            }
            byte[] bytes = line.toByteArray();
            return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
                in = null;
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
