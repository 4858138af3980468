package org.gridwarden.connectors.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where the live job reads and writes. Defaults in one place: {@link #defaults(String)}.
 *
 * @param riskTopic the risk index of every grid (compacted; key = grid, value = its latest index as JSON)
 * @param ruleControlTopic rule-set versions submitted for the live job (compacted; key = version, value = the
 *     YAML text)
 * @param ruleStatusTopic what became of each submitted version (key = version, value = JSON)
 * @param transactionalIdPrefix unique per job and environment: two jobs sharing it fence each other
 * @param transactionTimeout must not exceed the broker's {@code transaction.max.timeout.ms} (15 min by default)
 * @param clientProperties client settings every Kafka client of the project applies, as Kafka's own tools take
 *     them from a properties file ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}); they may hold
 *     secrets, so they are never printed
 */
public record KafkaSettings(
        String bootstrapServers,
        String gridReportsTopic,
        String ledgerEventsTopic,
        String deadLetterTopic,
        String allAlertsTopic,
        String riskTopic,
        String ruleControlTopic,
        String ruleStatusTopic,
        String groupId,
        String transactionalIdPrefix,
        DeliveryGuarantee delivery,
        Duration transactionTimeout,
        Map<String, String> clientProperties) implements Serializable {

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSettings defaults(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "grid.reports", "ledger.events", "ingest.dlq", "alerts.all",
                "risk.grids", "rules.control", "rules.status", "gridwarden-live", "gridwarden-live",
                DeliveryGuarantee.EXACTLY_ONCE, Duration.ofMinutes(15), Map.of());
    }

    /**
     * The client settings of a properties file (Kafka's {@code --command-config} format). A file that cannot be
     * read is named in the error; its content never is.
     */
    public static Map<String, String> readClientProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka client properties " + file, e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /** {@code bootstrap.servers} and the client properties: what a plain Kafka client is built from. */
    public Properties clientConfig() {
        Properties config = new Properties();
        config.putAll(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** Names the client properties but never their values (passwords among them). */
    @Override
    public String toString() {
        return "KafkaSettings[" + bootstrapServers + ", in " + gridReportsTopic + ", " + ledgerEventsTopic + ", out "
                + allAlertsTopic + ", " + deadLetterTopic + ", " + riskTopic + ", rules " + ruleControlTopic + "/"
                + ruleStatusTopic
                + ", group " + groupId + ", transactional ids " + transactionalIdPrefix + ", " + delivery
                + ", transaction timeout " + transactionTimeout + ", client properties " + clientProperties.keySet() + "]";
    }

    public KafkaSettings withClientProperties(Map<String, String> properties) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                riskTopic, ruleControlTopic, ruleStatusTopic, groupId, transactionalIdPrefix, delivery, transactionTimeout,
                properties);
    }

    public KafkaSettings withDelivery(DeliveryGuarantee d) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                riskTopic, ruleControlTopic, ruleStatusTopic, groupId, transactionalIdPrefix, d, transactionTimeout,
                clientProperties);
    }

    public KafkaSettings withIds(String group, String transactionalPrefix) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                riskTopic, ruleControlTopic, ruleStatusTopic, group, transactionalPrefix, delivery, transactionTimeout,
                clientProperties);
    }
}
