package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.ruleset.HazardNotFiledRules;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A quiet night on the real in-JVM broker: the live job receives two events stamped with the wall clock and
 * then nothing at all. The deadlines that fall a few seconds later (a case's explicit due time; a grid hazard
 * report that is never filed, with the filing limit shortened to seconds) still raise their alerts, within
 * seconds of wall time after the deadline.
 */
class QuietNightTest {

    private static final Duration QUIET_AFTER = Duration.ofSeconds(1);
    private static final Duration QUIET_LAG = Duration.ofSeconds(1);
    /** The rule set's filing limit for grid hazard reports, shortened from hours to seconds for the test. */
    private static final String FILING_LIMIT = "6s";

    private static RuleSet ruleSetFilingWithin(String limit) {
        RuleSet rs = Fixtures.ruleSet();
        return rs.withParameters("hazard-not-filed", new HazardNotFiledRules(true, TimeSpan.parse(limit)));
    }

    @Test
    void deadlinesFireOnTime_whenNoFurtherEventArrives() throws Exception {
        Map<String, Alert> received = new ConcurrentHashMap<>();
        Map<String, Instant> receivedAt = new ConcurrentHashMap<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            KafkaSettings settings = KafkaSettings.defaults(kafka.bootstrapServers())
                    .withIds("quiet-night", "quiet-night-" + UUID.randomUUID())
                    .withDelivery(DeliveryGuarantee.AT_LEAST_ONCE);
            ScenarioTopics.createTopics(kafka, settings, Fixtures.reference());

            LiveJob.Settings live = new LiveJob.Settings(settings, 2, QuietPartitions.live(QUIET_AFTER, QUIET_LAG),
                    Duration.ofSeconds(1), null, "hashmap", null);
            StreamExecutionEnvironment env = LiveJob.environment(live);
            LiveJob.define(env, live, Fixtures.reference(), ruleSetFilingWithin(FILING_LIMIT), Clock.systemUTC());
            JobClient job = env.executeAsync("quiet night");
            try (AlertTopicWatcher watcher = new AlertTopicWatcher(kafka.bootstrapServers(), List.of(settings.allAlertsTopic()),
                    (topic, alert) -> {
                        received.put(alert.ruleId() + " " + alert.level(), alert);
                        receivedAt.putIfAbsent(alert.ruleId() + " " + alert.level(), Instant.now());
                    })) {
                awaitRunning(job); // the records may come before the readers: they are then a backlog, not late
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                Instant due = now.plusSeconds(6);
                String t = iso(now);
                send(kafka, settings.ledgerEventsTopic(), "N-1", """
                        {"eventId":"N-1-c","caseId":"N-1","type":"CREATED","at":"%s","channel":"WINDOW",
                         "category":"welfare.subsidy_inquiry","gridId":"S01C01G01","priority":"NORMAL","dueAt":"%s"}"""
                        .formatted(t, iso(due)));
                // a grid hazard report that must be filed within FILING_LIMIT, and never is
                send(kafka, settings.gridReportsTopic(), "S01C01G01", """
                        {"reportId":"N-R1","gridId":"S01C01G01","workerId":"W0001","kind":"HAZARD",
                         "category":"fire.ebike_indoor_charging","buildingId":"S01C01G01-B02","observedAt":"%s"}"""
                        .formatted(t));

                Instant deadline = Instant.now().plusSeconds(60);
                while ((!received.containsKey("OVERDUE_CASE OVERDUE") || !received.containsKey("HAZARD_NOT_FILED ALERT"))
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                }
            } finally {
                job.cancel().get();
            }
        }
        Alert overdue = received.get("OVERDUE_CASE OVERDUE");
        Alert notFiled = received.get("HAZARD_NOT_FILED ALERT");
        assertTrue(overdue != null && notFiled != null, "alerts on a quiet night: " + received.keySet());
        assertEquals(overdue.deadline(), overdue.eventTime());
        assertEquals(overdue.eventTime(), notFiled.eventTime(), "both became true at the same instant");
        Duration overdueDelay = Duration.between(overdue.eventTime(), receivedAt.get("OVERDUE_CASE OVERDUE"));
        Duration notFiledDelay = Duration.between(notFiled.eventTime(), receivedAt.get("HAZARD_NOT_FILED ALERT"));
        System.out.printf("quiet night: OVERDUE readable %d ms, HAZARD_NOT_FILED %d ms after its deadline%n",
                overdueDelay.toMillis(), notFiledDelay.toMillis());
        // quietAfter + quietLag + a probe + a checkpoint (1 s here) + delivery: seconds, not the whole night
        // that replay's event time alone would take; the bound is loose for a loaded machine
        assertTrue(overdueDelay.compareTo(Duration.ofSeconds(30)) < 0, "overdue after " + overdueDelay);
        assertTrue(notFiledDelay.compareTo(Duration.ofSeconds(30)) < 0, "not filed after " + notFiledDelay);
    }

    private static void awaitRunning(JobClient job) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (job.getJobStatus().get() != JobStatus.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private static String iso(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static void send(EmbeddedKafka kafka, String topic, String key, String json) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, json.replace("\n", ""))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
