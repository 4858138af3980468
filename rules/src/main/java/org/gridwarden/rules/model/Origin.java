package org.gridwarden.rules.model;

import java.util.Base64;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * Where a raw record came from: a Kafka topic/partition/offset or a file/line, and when it arrived.
 *
 * @param arrivedAt when the record arrived, epoch millis: the Kafka record's timestamp, or for files the time
 *     the replay is run as of; null when unknown (files replayed without one), then no time is too far ahead
 */
@TypeInfo(WireRecord.class)
public record Origin(String stream, String source, Integer partition, Long offset, Long line, Long arrivedAt,
        String raw) {

    public static Origin kafka(String stream, String topic, int partition, long offset, long arrivedAt, String raw) {
        return new Origin(stream, topic, partition, offset, null, arrivedAt, raw);
    }

    /** A line of a file whose arrival is unknown. */
    public static Origin file(String stream, String file, long line, String raw) {
        return file(stream, file, line, null, raw);
    }

    public static Origin file(String stream, String file, long line, Long arrivedAt, String raw) {
        return new Origin(stream, file, null, null, line, arrivedAt, raw);
    }

    public Origin withRaw(String text) {
        return new Origin(stream, source, partition, offset, line, arrivedAt, text);
    }

    /** Where the record came from without its raw text: enough to find it again in a file that is kept. */
    public Origin withoutRaw() {
        return new Origin(stream, source, partition, offset, line, arrivedAt, null);
    }

    /** Names the place for a person: the topic with partition and offset, or the file with its line. */
    public String describe() {
        return line != null ? source + " line " + line : source + " partition " + partition + " offset " + offset;
    }

    public DeadLetter deadLetter(String reason, String detail) {
        return new DeadLetter(reason, detail, stream, source, partition, offset, line, raw);
    }

    /** A dead letter of bytes that are not text, kept exactly. */
    public DeadLetter deadLetterOfBytes(String reason, String detail, byte[] bytes) {
        return new DeadLetter(reason, detail, stream, source, partition, offset, line, null,
                Base64.getEncoder().encodeToString(bytes));
    }
}
