package org.gridwarden.jobs.options;

import java.nio.file.Path;
import java.util.Map;
import org.gridwarden.connectors.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/**
 * {@code --kafka-properties FILE}: Kafka client settings (security.protocol, sasl.*, ssl.*) from a file, as Kafka's
 * own tools take them, so that no password is ever on a command line. Only the file's name is ever printed.
 */
public final class KafkaPropertiesOption {

    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "Kafka client settings for an authenticated or encrypted broker (security.protocol,"
                    + " sasl.mechanism, sasl.jaas.config, ssl.truststore.location, ...), one key=value a line."
                    + " Keep the file readable by the job's user only.")
    Path file;

    /** The file's settings, or none. */
    public Map<String, String> load() {
        return file == null ? Map.of() : KafkaSettings.readClientProperties(file);
    }

    /** What a command may print about it: the file's name, never its content. */
    public String describe() {
        return file == null ? "no client properties" : "client properties from " + file;
    }
}
