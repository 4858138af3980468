package org.gridwarden.connectors.kafka.live;

import java.util.Map;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * What the broker held when it was last asked: per split id, the first offset still kept and the offset after
 * the last committed record (read_committed), both as of {@code probedAt} (wall-clock millis).
 */
record PartitionEnds(Map<String, Range> ranges, long probedAt) implements SourceEvent {

    record Range(long beginning, long end) implements java.io.Serializable {}
}
