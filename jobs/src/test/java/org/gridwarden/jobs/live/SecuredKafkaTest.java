package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The live job against a broker that requires authentication (SASL PLAIN) and authorises by ACL: with its own
 * credentials from {@code --kafka-properties} it reads its inputs and writes every alert; a client without
 * credentials, with a wrong password, or without an ACL gets nothing in.
 */
class SecuredKafkaTest {

    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");
    private static final Map<String, String> USERS = Map.of(
            "gridwarden", "job-" + UUID.randomUUID(),
            "operations", "ops-" + UUID.randomUUID(),
            "intruder", "intruder-" + UUID.randomUUID());

    @TempDir
    Path work;

    @Test
    void theJobWorksWithItsCredentialsAndAClientWithoutThemIsRefused() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().saslUsers(USERS).start()) {
            KafkaSettings topics = KafkaSettings.defaults(kafka.bootstrapServers());
            List<String> alertTopics = ScenarioTopics.createTopics(kafka, topics, Fixtures.reference());
            String prefix = "secured-" + UUID.randomUUID();
            grantAcls(kafka, prefix);

            Path jobProperties = work.resolve("gridwarden-kafka.properties");
            Properties file = new Properties();
            file.putAll(EmbeddedKafka.saslClientProperties("gridwarden", USERS.get("gridwarden")));
            try (var out = Files.newBufferedWriter(jobProperties)) {
                file.store(out, "the live job's Kafka credentials");
            }
            LiveJobOptions options = new LiveJobOptions();
            new CommandLine(options).parseArgs("--bootstrap-servers", kafka.bootstrapServers(),
                    "--kafka-properties", jobProperties.toString(), "--transactional-id-prefix", prefix,
                    "--reference", Fixtures.sampleData().resolve("reference").toString(),
                    "--rules", Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString(),
                    "--pseudonym-key-file", Fixtures.sampleData().resolve("sample-pseudonym.key").toString(),
                    "--checkpoint-seconds", "1", "--recorded", "--quiet-after-seconds", "2");
            LiveJob.Settings settings = options.settings();
            assertFalse(settings.toString().contains(USERS.get("gridwarden")), "the password is never printed");
            assertEquals("client properties from " + jobProperties, options.kafkaProperties().describe());

            List<Alert> received = new CopyOnWriteArrayList<>();
            Map<String, Object> operations = client(kafka, "operations", USERS.get("operations"));
            try (AlertTopicWatcher watcher = new AlertTopicWatcher(operations, List.of(topics.allAlertsTopic()), null,
                    true, (topic, alert) -> received.add(alert), reachable -> {})) {
                StreamExecutionEnvironment env = LiveJob.environment(settings);
                LiveJob.define(env, settings, Fixtures.reference(), Fixtures.ruleSet(), Clock.systemUTC());
                JobClient job = env.executeAsync("secured live test");
                try {
                    awaitRunning(job);
                    TimedLinePlayer.play(topics.withClientProperties(kafka.brokerClientProperties()),
                            LiveRun.lines(WEEK, topics), 40_000, l -> {});
                    List<Alert> expected = LiveRun.expected(WEEK);
                    Instant deadline = Instant.now().plusSeconds(120);
                    while (received.size() < expected.size() && Instant.now().isBefore(deadline)) {
                        Thread.sleep(200);
                    }
                    Thread.sleep(3000); // a duplicate would show by now
                    assertEquals(LiveRun.ids(expected), LiveRun.ids(received), "every alert of the week, once");
                } finally {
                    job.cancel().get();
                }
            }
            // Flink's and Kafka's logs of this run (log4j2-test.properties) never carry the password
            String logs = Files.readString(Path.of("target/test-logs/tests.log"));
            assertFalse(logs.contains(USERS.get("gridwarden")), "the job's password is in the log");

            Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()));
            assertInstanceOf(TimeoutException.class, refusal(anonymous, topics.gridReportsTopic()),
                    "without credentials a client never gets past the handshake");
            assertInstanceOf(SaslAuthenticationException.class,
                    refusal(client(kafka, "gridwarden", "wrong-password"), topics.gridReportsTopic()));
            assertInstanceOf(TopicAuthorizationException.class,
                    refusal(client(kafka, "intruder", USERS.get("intruder")), topics.gridReportsTopic()),
                    "authenticated, but no ACL lets it write");
            assertInstanceOf(TopicAuthorizationException.class,
                    refusal(client(kafka, "operations", USERS.get("operations")), topics.gridReportsTopic()),
                    "the operations center reads alerts and writes nothing");
        }
    }

    /** What the live job needs, and reading alerts for the operations center; nothing for anyone else. */
    private static void grantAcls(EmbeddedKafka kafka, String transactionalIdPrefix) throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, "gridwarden", ResourceType.TOPIC, "grid.reports", PatternType.LITERAL, AclOperation.READ);
        allow(acls, "gridwarden", ResourceType.TOPIC, "ledger.events", PatternType.LITERAL, AclOperation.READ);
        allow(acls, "gridwarden", ResourceType.GROUP, "gridwarden-live", PatternType.PREFIXED, AclOperation.READ);
        allow(acls, "gridwarden", ResourceType.TOPIC, "alerts.", PatternType.PREFIXED, AclOperation.WRITE);
        allow(acls, "gridwarden", ResourceType.TOPIC, "ingest.dlq", PatternType.LITERAL, AclOperation.WRITE);
        allow(acls, "gridwarden", ResourceType.TOPIC, "risk.grids", PatternType.LITERAL, AclOperation.WRITE);
        allow(acls, "gridwarden", ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix, PatternType.PREFIXED,
                AclOperation.WRITE);
        allow(acls, "operations", ResourceType.TOPIC, "alerts.", PatternType.PREFIXED, AclOperation.READ);
        allow(acls, "operations", ResourceType.GROUP, "gridwarden-watch-", PatternType.PREFIXED, AclOperation.READ);
        Map<String, Object> broker = new HashMap<>(kafka.brokerClientProperties());
        broker.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(broker)) {
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static void allow(List<AclBinding> acls, String user, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }

    private static Map<String, Object> client(EmbeddedKafka kafka, String user, String password) {
        Map<String, Object> client = new HashMap<>(EmbeddedKafka.saslClientProperties(user, password));
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return client;
    }

    /** Why writing one record with these client settings fails. */
    private static Throwable refusal(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "not allowed")).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the broker took a record it should have refused");
    }

    private static void awaitRunning(JobClient job) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (job.getJobStatus().get() != JobStatus.RUNNING
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(2000); // and the Kafka sources have their partitions
    }
}
