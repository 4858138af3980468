package org.gridwarden.rules.model;

/** Where a raw record came from: a Kafka topic/partition/offset or a file/line. */
public record Origin(String stream, String source, Integer partition, Long offset, Long line, String raw) {

    public static Origin kafka(String stream, String topic, int partition, long offset, String raw) {
        return new Origin(stream, topic, partition, offset, null, raw);
    }

    public static Origin file(String stream, String file, long line, String raw) {
        return new Origin(stream, file, null, null, line, raw);
    }

    public DeadLetter deadLetter(String reason, String detail) {
        return new DeadLetter(reason, detail, stream, source, partition, offset, line, raw);
    }
}
