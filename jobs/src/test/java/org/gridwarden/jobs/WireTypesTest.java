package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.rules.model.wire.WireRecordSerializer;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every record of the live job, between operators and on side outputs, crosses in a compact form of its own:
 * none falls back to Flink's reflective record serializer (or to Kryo), which a new rule family's record
 * would do unless it names its wire form.
 */
class WireTypesTest {

    @Test
    void everyStreamOfTheLiveJob_usesACompactSerializer() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        LiveJob.Settings settings = new LiveJob.Settings(KafkaSettings.defaults("127.0.0.1:9"), 2,
                QuietPartitions.recorded(Duration.ofSeconds(2)), Duration.ofSeconds(10), null, "hashmap", null);
        LiveJob.define(env, settings, Fixtures.reference(), Fixtures.ruleSet(), Clock.systemUTC());
        StreamGraph graph = env.getStreamGraph();

        List<String> reflective = new ArrayList<>();
        int wire = 0;
        for (StreamNode node : graph.getStreamNodes()) {
            List<TypeSerializer<?>> serializers = new ArrayList<>(List.of(node.getTypeSerializersIn()));
            serializers.add(node.getTypeSerializerOut());
            for (StreamEdge edge : node.getOutEdges()) {
                if (edge.getOutputTag() != null) {
                    serializers.add(edge.getOutputTag().getTypeInfo().createSerializer(env.getConfig().getSerializerConfig()));
                }
            }
            for (TypeSerializer<?> s : serializers) {
                if (s instanceof PojoSerializer<?> || s instanceof KryoSerializer<?>) {
                    reflective.add(node.getOperatorName() + ": " + s);
                }
                if (s instanceof WireRecordSerializer<?>) {
                    wire++;
                }
            }
        }
        assertEquals(List.of(), reflective);
        assertTrue(wire > 10, "the rules' records are among the streams: " + wire);
    }
}
