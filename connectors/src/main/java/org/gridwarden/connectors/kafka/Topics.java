package org.gridwarden.connectors.kafka;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics a component writes to when they are missing: brokers often refuse to create them on use. */
public final class Topics {

    private static final int TIMEOUT_MS = 30_000;

    private Topics() {}

    /** A compacted topic (the latest record per key is kept) with the broker's partitions and replication. */
    public static NewTopic compacted(String name, Optional<Integer> partitions) {
        return new NewTopic(name, partitions, Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** @param client {@code bootstrap.servers} and the client settings ({@link KafkaSettings#clientConfig()}) */
    public static void ensure(Properties client, Collection<NewTopic> topics) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(topics).values().forEach((topic, created) -> {
                try {
                    created.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                                e.getCause());
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("no answer within " + TIMEOUT_MS / 1000 + " s when creating topic "
                            + topic, e);
                }
            });
        }
    }
}
