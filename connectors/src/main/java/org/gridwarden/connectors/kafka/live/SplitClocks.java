package org.gridwarden.connectors.kafka.live;

import java.io.Serializable;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * What one reader tells the {@link EndOffsetsProbe} of its partitions: per split id, the watermark the split
 * holds and whether it is at rest (read to a recently probed end and quiet).
 */
record SplitClocks(Map<String, Reading> splits) implements SourceEvent {

    record Reading(long watermark, boolean atRest) implements Serializable {}
}
