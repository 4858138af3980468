package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledger systems that write microseconds (`…41.602251+08:00`): such a case raises live the same deadline
 * alerts as the same case written to the millisecond.
 */
class SubMillisecondTimesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String CREATED = """
            {"eventId":"%1$s-c","caseId":"%1$s","type":"CREATED","at":"2026-11-16T09:00:41.602%2$s+08:00",\
            "channel":"WINDOW","category":"welfare.subsidy_inquiry","gridId":"S01C01G01","priority":"NORMAL",\
            "dueAt":"2026-11-17T09:00:41.602%2$s+08:00"}""";
    /** A case days later, so that event time passes both cases' deadlines and escalations. */
    private static final String LATER = """
            {"eventId":"LATER-c","caseId":"LATER","type":"CREATED","at":"2026-11-30T09:00:00+08:00",\
            "channel":"WINDOW","category":"welfare.subsidy_inquiry","gridId":"S01C01G01","priority":"NORMAL"}""";

    @Test
    void aCaseWithMicrosecondTimes_raisesTheDeadlineAlertsOfTheSameCaseInMilliseconds(@TempDir Path scenario,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Files.writeString(scenario.resolve("ledger-events.jsonl"), String.join("\n",
                CREATED.formatted("MILLIS", ""), CREATED.formatted("MICROS", "251"), LATER) + "\n");
        try (LiveRun run = new LiveRun()) {
            JobClient job = run.startJob(Fixtures.ruleSet(), null, cluster);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), LiveRun.lines(scenario, run.settings), 1_000_000, l -> {});
            run.awaitAlerts(6, Duration.ofSeconds(60));
            job.cancel().get();
            List<Alert> alerts = run.on(run.settings.allAlertsTopic());
            List<String> millis = levels(alerts, "MILLIS");
            assertEquals(List.of("ESCALATED", "OVERDUE", "WARNING"), millis, "the millisecond case's alerts");
            assertEquals(millis, levels(alerts, "MICROS"), "the microsecond case raises the same alerts");
            assertEquals(alerts.stream().filter(a -> "MILLIS".equals(a.caseId())).map(Alert::eventTime).sorted().toList(),
                    alerts.stream().filter(a -> "MICROS".equals(a.caseId())).map(Alert::eventTime).sorted().toList(),
                    "at the same (millisecond) times");
        }
    }

    private static List<String> levels(List<Alert> alerts, String caseId) {
        return alerts.stream().filter(a -> caseId.equals(a.caseId()) && a.ruleId().equals("OVERDUE_CASE"))
                .map(a -> a.level().name()).sorted().toList();
    }
}
