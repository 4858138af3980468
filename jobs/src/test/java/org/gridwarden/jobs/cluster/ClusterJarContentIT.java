package org.gridwarden.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar that {@code flink run} takes holds the job and nothing else of ours: only classes of rules, connectors
 * and jobs, and no class of Kafka's broker or its internal test kit (the in-JVM broker stays in the test kit).
 * Runs after {@code package}, in the {@code cluster} profile, on the freshly built jar.
 */
class ClusterJarContentIT {

    private static final List<String> OURS = List.of(
            "org/gridwarden/rules/", "org/gridwarden/connectors/", "org/gridwarden/jobs/");

    /**
     * Kafka's broker, its internal test kit and the server-side libraries they bring. kafka-clients itself holds
     * the public plug-in interfaces under org/apache/kafka/server/{authorizer,policy,quota,telemetry}, which stay.
     */
    private static final List<String> BROKER = List.of(
            "org/apache/kafka/common/test/", "kafka/", "org/apache/kafka/server/common/",
            "org/apache/kafka/server/config/", "org/apache/kafka/server/util/", "org/apache/kafka/raft/",
            "org/apache/kafka/metadata/", "org/apache/kafka/controller/", "org/apache/kafka/image/",
            "org/apache/kafka/storage/", "org/apache/kafka/coordinator/", "org/apache/kafka/network/");

    @Test
    void clusterJarHoldsOnlyRulesConnectorsAndJobs_andNoKafkaBroker() throws IOException {
        Path jar = Path.of("target/gridwarden-flink.jar");
        assertTrue(Files.isRegularFile(jar), "built by package: " + jar.toAbsolutePath());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> classes = zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.stream().anyMatch(n -> n.equals("org/gridwarden/jobs/LiveJob.class")), "the entry point");
            List<String> foreign = classes.stream().filter(n -> n.startsWith("org/gridwarden/"))
                    .filter(n -> OURS.stream().noneMatch(n::startsWith)).toList();
            assertEquals(List.of(), foreign, "classes of ours outside rules, connectors and jobs");
            List<String> broker = classes.stream().filter(n -> BROKER.stream().anyMatch(n::startsWith)).toList();
            assertEquals(List.of(), broker, "Kafka broker or test-kit classes");
        }
    }
}
