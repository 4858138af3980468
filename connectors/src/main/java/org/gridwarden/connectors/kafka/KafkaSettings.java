package org.gridwarden.connectors.kafka;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Where the live job reads and writes. Defaults in one place: {@link #defaults(String)}.
 *
 * @param transactionalIdPrefix unique per job and environment: two jobs sharing it fence each other
 * @param transactionTimeout must not exceed the broker's {@code transaction.max.timeout.ms} (15 min by default)
 */
public record KafkaSettings(
        String bootstrapServers,
        String gridReportsTopic,
        String ledgerEventsTopic,
        String deadLetterTopic,
        String allAlertsTopic,
        String groupId,
        String transactionalIdPrefix,
        DeliveryGuarantee delivery,
        Duration transactionTimeout) implements Serializable {

    public static KafkaSettings defaults(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "grid.reports", "ledger.events", "ingest.dlq", "alerts.all",
                "gridwarden-live", "gridwarden-live", DeliveryGuarantee.EXACTLY_ONCE, Duration.ofMinutes(15));
    }

    public KafkaSettings withDelivery(DeliveryGuarantee d) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                groupId, transactionalIdPrefix, d, transactionTimeout);
    }

    public KafkaSettings withIds(String group, String transactionalPrefix) {
        return new KafkaSettings(bootstrapServers, gridReportsTopic, ledgerEventsTopic, deadLetterTopic, allAlertsTopic,
                group, transactionalPrefix, delivery, transactionTimeout);
    }
}
