package org.gridwarden.connectors.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.connectors.codec.Json;

/**
 * Writes to the rule-set control and status topics. Both are compacted and keyed by version, so each keeps the
 * newest record of every version for as long as the topic lives; both have one partition, so their records
 * keep the order in which they were written.
 */
public final class RuleSetChannel implements AutoCloseable {

    private static final int TIMEOUT_MS = 15_000;

    private final KafkaSettings settings;
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper = Json.newMapper();

    public RuleSetChannel(KafkaSettings settings) {
        this.settings = settings;
        Properties p = settings.clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MS);
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Creates the two topics when they do not exist yet (one partition, compacted, broker's replication). */
    public void ensureTopics() {
        Topics.ensure(settings.clientConfig(), List.of(settings.ruleControlTopic(), settings.ruleStatusTopic())
                .stream()
                .map(t -> Topics.compacted(t, Optional.of(1)))
                .toList());
    }

    public void submit(RuleSetSubmission submission) {
        send(settings.ruleControlTopic(), submission.version(), submission.text());
    }

    /** Removes a version from the control topic (a tombstone): it is no longer a candidate at the next start. */
    public void withdraw(String version) {
        send(settings.ruleControlTopic(), version, null);
    }

    public void report(RuleSetStatus status) {
        try {
            send(settings.ruleStatusTopic(), status.version(), mapper.writeValueAsString(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status of " + status.version(), e);
        }
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic + " at " + settings.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + settings.bootstrapServers() + " writing to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
