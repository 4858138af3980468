package org.gridwarden.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.file.LineFileSplit;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;

/**
 * One input stream read from its files in order, each line decoded as the replay source decodes it: the job's
 * {@link IngestDecoder}, with the file and line as origin. Lazy: one line in memory at a time.
 */
final class DecodedStream implements Iterator<Ingested>, Closeable {

    private final String stream;
    private final IngestDecoder decoder;
    private final Iterator<Path> files;
    private LineFileSplit.LineIterator lines;

    /** @param files files of {@code stream} only */
    DecodedStream(String stream, List<Path> files, IngestDecoder decoder) {
        this.stream = stream;
        this.decoder = decoder;
        this.files = files.iterator();
    }

    @Override
    public boolean hasNext() {
        while (lines == null || !lines.hasNext()) {
            if (!files.hasNext()) {
                return false;
            }
            lines = InputFiles.lines(files.next());
        }
        return true;
    }

    @Override
    public Ingested next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LineFileSplit.Line line = lines.next();
        return decoder.decode(stream, Origin.file(stream, line.file(), line.number(), null), line.bytes());
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }
}
