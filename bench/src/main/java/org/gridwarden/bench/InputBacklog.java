package org.gridwarden.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the live job's readers are behind the produced input: lines produced and not yet committed by the job's
 * consumer group. The job commits its offsets when a checkpoint completes, so this includes up to a checkpoint
 * interval of lines even when the job keeps up; a backlog that grows from one reading to the next does not.
 */
final class InputBacklog implements AutoCloseable {

    private final Admin admin;
    private final String groupId;
    private final List<String> inputTopics;

    InputBacklog(String bootstrapServers, String groupId, List<String> inputTopics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(p);
        this.groupId = groupId;
        this.inputTopics = inputTopics;
    }

    /** Lines behind, of the {@code produced} so far. */
    long lines(int produced) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        long consumed = committed.entrySet().stream()
                .filter(e -> inputTopics.contains(e.getKey().topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
        return produced - consumed;
    }

    @Override
    public void close() {
        admin.close();
    }
}
