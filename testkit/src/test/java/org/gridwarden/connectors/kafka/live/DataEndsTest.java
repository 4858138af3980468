package org.gridwarden.connectors.kafka.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/**
 * A partition written by a transactional producer ends in a commit marker no reader receives: its data end
 * is the offset after the last committed record, so a reader that has read everything can count as at rest.
 */
class DataEndsTest {

    private static final TopicPartition TP = new TopicPartition("ledger.events", 0);

    @Test
    void aCommitMarkerAndAnAbortedTail_areNotData() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(List.of(TP.topic()), 1);
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("transactional.id", "upstream");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(TP.topic(), 0, "k", "committed " + i));
                }
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TP.topic(), 0, "k", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }
            long end = endOffset(kafka);
            assertEquals(8, end, "5 records, a commit marker, an aborted record and its marker");

            Properties client = new Properties();
            client.put("bootstrap.servers", kafka.bootstrapServers());
            try (DataEnds dataEnds = new DataEnds(client)) {
                assertEquals(end, dataEnds.of(TP, 0, end), "a new end is taken as it is");
                assertEquals(5, dataEnds.of(TP, 0, end), "an end that held still is read back to its last record");
                assertEquals(5, dataEnds.of(TP, 0, end), "and remembered");
            }
        }
    }

    private static long endOffset(EmbeddedKafka kafka) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            return admin.listOffsets(java.util.Map.of(TP, OffsetSpec.latest()),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().get(TP).offset();
        }
    }
}
