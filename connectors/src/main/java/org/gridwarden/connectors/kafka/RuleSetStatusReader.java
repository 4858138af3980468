package org.gridwarden.connectors.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridwarden.connectors.codec.Json;

/**
 * Reads the status topic: what is known so far ({@link #readToEnd()}), then the status of a version published
 * after that ({@link #await(String, Duration)}). A record that is not a status is skipped.
 */
public final class RuleSetStatusReader implements AutoCloseable {

    private final ObjectMapper mapper = Json.newMapper();
    private final CompactedTopicReader reader;

    public RuleSetStatusReader(KafkaSettings settings) {
        reader = new CompactedTopicReader(settings, settings.ruleStatusTopic());
    }

    /** The newest status of every version on the topic up to now, by version. */
    public Map<String, RuleSetStatus> readToEnd() {
        Map<String, RuleSetStatus> latest = new LinkedHashMap<>();
        for (RuleSetStatus s : statuses(reader.toEnd())) {
            latest.put(s.version(), s);
        }
        return latest;
    }

    /** The first status of {@code version} after what was read so far, or empty when none comes in time. */
    public Optional<RuleSetStatus> await(String version, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<RuleSetStatus> found = statuses(reader.poll(Duration.ofMillis(200))).stream()
                    .filter(s -> version.equals(s.version())).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<RuleSetStatus> statuses(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null).map(this::decode).flatMap(Optional::stream).toList();
    }

    private Optional<RuleSetStatus> decode(ConsumerRecord<String, String> r) {
        try {
            return Optional.of(mapper.readValue(r.value(), RuleSetStatus.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
