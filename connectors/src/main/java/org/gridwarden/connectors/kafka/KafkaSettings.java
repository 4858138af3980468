package org.gridwarden.connectors.kafka;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Where the live job reads and writes. Defaults in one place: {@link #defaults(String)}.
 *
 * @param ruleControlTopic rule-set versions submitted for the live job (compacted; key = version, value = the
 *     YAML text)
 * @param ruleStatusTopic what became of each submitted version (key = version, value = JSON)
 * @param transactionalIdPrefix unique per job and environment: two jobs sharing it fence each other
 * @param transactionTimeout must not exceed the broker's {@code transaction.max.timeout.ms} (15 min by default)
 */
public record KafkaSettings(
        String bootstrapServers,
        String gridReportsTopic,
        String ledgerEventsTopic,
        String deadLetterTopic,
        String allAlertsTopic,
        String ruleControlTopic,
        String ruleStatusTopic,
        String groupId,
        String transactionalIdPrefix,
        DeliveryGuarantee delivery,
        Duration transactionTimeout) implements Serializable {

    public static KafkaSettings defaults(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "grid.reports", "ledger.events", "ingest.dlq", "alerts.all",
                "rules.control", "rules.status", "gridwarden-live", "gridwarden-live", DeliveryGuarantee.EXACTLY_ONCE,
                Duration.ofMinutes(15));
    }

    public KafkaSettings withDelivery(DeliveryGuarantee d) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                ruleControlTopic, ruleStatusTopic, groupId, transactionalIdPrefix, d, transactionTimeout);
    }

    public KafkaSettings withIds(String group, String transactionalPrefix) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                ruleControlTopic, ruleStatusTopic, group, transactionalPrefix, delivery, transactionTimeout);
    }
}
