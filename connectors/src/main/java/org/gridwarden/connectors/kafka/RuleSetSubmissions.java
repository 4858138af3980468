package org.gridwarden.connectors.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The rule-set versions on the control topic, in the order they were submitted: first those already there
 * ({@link #backlog()}), then each new one as it arrives ({@link #poll(Duration)}). A record without a value
 * withdraws its version and is no submission.
 */
public final class RuleSetSubmissions implements AutoCloseable {

    private final CompactedTopicReader reader;

    public RuleSetSubmissions(KafkaSettings settings) {
        reader = new CompactedTopicReader(settings, settings.ruleControlTopic());
    }

    /**
     * The topic as compaction leaves it: the newest record of each version, in the order of those records,
     * without the withdrawn ones (compaction itself runs late, so the reader does it).
     */
    public List<RuleSetSubmission> backlog() {
        Map<String, String> newest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : reader.toEnd()) {
            newest.remove(r.key());
            if (r.value() != null) {
                newest.put(r.key(), r.value());
            }
        }
        return newest.entrySet().stream().map(e -> new RuleSetSubmission(e.getKey(), e.getValue())).toList();
    }

    public List<RuleSetSubmission> poll(Duration timeout) {
        return submissions(reader.poll(timeout));
    }

    private static List<RuleSetSubmission> submissions(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null)
                .map(r -> new RuleSetSubmission(r.key(), r.value())).toList();
    }

    @Override
    public void close() {
        reader.close();
    }
}
