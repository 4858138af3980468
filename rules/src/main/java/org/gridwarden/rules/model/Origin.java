package org.gridwarden.rules.model;

/** Where a raw record came from: a Kafka topic/partition/offset or a file/line. */
public record Origin(String stream, String source, Integer partition, Long offset, Long line, String raw) {

    public static Origin kafka(String stream, String topic, int partition, long offset, String raw) {
        return new Origin(stream, topic, partition, offset, null, raw);
    }

    public static Origin file(String stream, String file, long line, String raw) {
        return new Origin(stream, file, null, null, line, raw);
    }

    /** Where the record came from without its raw text: enough to find it again in a file that is kept. */
    public Origin withoutRaw() {
        return new Origin(stream, source, partition, offset, line, null);
    }

    /** Names the place for a person: the topic with partition and offset, or the file with its line. */
    public String describe() {
        return line != null ? source + " line " + line : source + " partition " + partition + " offset " + offset;
    }

    public DeadLetter deadLetter(String reason, String detail) {
        return new DeadLetter(reason, detail, stream, source, partition, offset, line, raw);
    }
}
