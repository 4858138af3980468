package org.gridwarden.connectors.file;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReaderBase;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;

/**
 * A bounded source of JSON-lines files (plain or .gz) for replay: each line decoded into a record or a dead
 * letter that names its file and line. One split per file.
 */
public final class JsonLinesSource
        implements Source<Ingested, LineFileSplit, Collection<LineFileSplit>>, ResultTypeQueryable<Ingested> {

    private final List<String> files;
    private final String stream;
    private final IngestDecoder decoder;
    private final Long asOf;

    /**
     * @param stream the input stream the files hold: {@link IngestDecoder#GRID_REPORTS} or {@link IngestDecoder#LEDGER_EVENTS}
     * @param asOf when the lines arrived (epoch millis), for the decoder's check of times ahead; null when unknown
     */
    public JsonLinesSource(List<Path> files, String stream, IngestDecoder decoder, Long asOf) {
        // Flink's iterator reader expects every split to hold at least one record
        this.files = files.stream().map(Path::toString).filter(LineFileSplit::hasLines)
                .toList();
        this.stream = stream;
        this.decoder = decoder;
        this.asOf = asOf;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Ingested, LineFileSplit> createReader(SourceReaderContext context) {
        return new IteratorSourceReaderBase<LineFileSplit.Line, Ingested, LineFileSplit.LineIterator, LineFileSplit>(context) {
            @Override
            protected Ingested convert(LineFileSplit.Line line) {
                return decoder.decode(stream, Origin.file(stream, line.file(), line.number(), asOf, null), line.bytes());
            }
        };
    }

    @Override
    public SplitEnumerator<LineFileSplit, Collection<LineFileSplit>> createEnumerator(
            SplitEnumeratorContext<LineFileSplit> context) {
        return new IteratorSourceEnumerator<>(context, files.stream().map(f -> new LineFileSplit(f, 0)).toList());
    }

    @Override
    public SplitEnumerator<LineFileSplit, Collection<LineFileSplit>> restoreEnumerator(
            SplitEnumeratorContext<LineFileSplit> context, Collection<LineFileSplit> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<LineFileSplit> getSplitSerializer() {
        return LineFileSplitSerializer.SPLIT;
    }

    @Override
    public SimpleVersionedSerializer<Collection<LineFileSplit>> getEnumeratorCheckpointSerializer() {
        return LineFileSplitSerializer.SPLITS;
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return TypeInformation.of(Ingested.class);
    }
}
