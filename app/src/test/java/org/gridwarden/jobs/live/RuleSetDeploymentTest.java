package org.gridwarden.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.app.cli.RulesDeployCommand;
import org.gridwarden.app.cli.RulesDeployCommand;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.kafka.RuleSetChannel;
import org.gridwarden.connectors.kafka.RuleSetStatus;
import org.gridwarden.connectors.kafka.RuleSetStatusReader;
import org.gridwarden.connectors.kafka.RuleSetSubmission;
import org.gridwarden.connectors.kafka.RuleSetSubmissions;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetException;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.TimedLinePlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Rule-set versions put live on the running job through the control topic, on the real in-JVM broker: a valid
 * one takes over mid-week without losing a case, a window or an alert; an invalid one is rejected with every
 * problem and changes nothing; the deploy command checks locally and reports the job's answer.
 */
class RuleSetDeploymentTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path WEEK = Fixtures.sampleData().resolve("scenarios/district-week");
    private static final double SPEED = 40_000;
    /** Tuesday 20:00 of the recorded week: the new version decides events from here on. */
    private static final Instant SWITCH = Fixtures.beijing("2026-11-17T20:00");
    private static final String OLD = "2026.11-1";
    private static final String NEW = "2026.11-2";

    @Test
    void newVersionGoesLiveMidWeek_decidesAsAReplayWithBothVersions_keepingOpenCasesAndWindows(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Path newFile = write(dir, "ruleset-new.yaml", stricterVersion(NEW));
        RuleSet old = Fixtures.ruleSet();
        RuleSetHistory both = RuleSetHistory.of(List.of(old, RuleSetLoader.load(newFile, Fixtures.reference())));
        List<Alert> replayedWithBoth = replay(both, dir.resolve("replay"));
        List<Alert> replayedWithOld = LiveRun.expected(WEEK);
        assertNotEquals(SameAlerts.byId(replayedWithOld), SameAlerts.byId(replayedWithBoth),
                "the new version changes the week's alerts");

        try (LiveRun run = new LiveRun();
                ControlledRun live = ControlledRun.start(run, RuleSetHistory.of(old), dir.resolve("savepoints"), cluster)) {
            List<TimedLinePlayer.Line> lines = LiveRun.lines(WEEK, run.settings);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), before(SWITCH, lines, true), SPEED, l -> {});
            List<Alert> oldAlertsBeforeSwitch = replayedWithOld.stream().filter(a -> a.eventTime().isBefore(SWITCH)).toList();
            run.awaitAlerts(oldAlertsBeforeSwitch.size(), Duration.ofSeconds(30));
            JobID firstJob = live.controller.job().getJobID();

            Deploy deploy = deploy(run, newFile, 60);
            assertEquals(0, deploy.exit(), deploy.output());
            assertTrue(deploy.output().contains(NEW + " ACTIVE: decides events from 2026-11-17T20:00+08:00 on"),
                    deploy.output());
            assertNotEquals(firstJob, live.controller.job().getJobID(), "restarted from a savepoint");
            LiveRun.awaitAllTasksRunning(cluster, live.controller.job(), 0);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), before(SWITCH, lines, false), SPEED, l -> {});
            run.awaitAlerts(replayedWithBoth.size(), Duration.ofSeconds(45));
            for (AccessExecutionVertex v : cluster.getExecutionGraph(live.controller.job().getJobID()).get()
                    .getAllExecutionVertices()) {
                assertEquals(0, v.getCurrentExecutionAttempt().getAttemptNumber(),
                        "the job under the new version failed and restarted: its restored state does not fit: "
                                + v.getTaskNameWithSubtaskIndex());
            }

            List<Alert> liveAlerts = run.on(run.settings.allAlertsTopic());
            assertEquals(liveAlerts.size(), Set.copyOf(LiveRun.ids(liveAlerts)).size(), "no alert id twice on alerts.all");
            List<Alert> decidedBefore = liveAlerts.stream().filter(a -> a.eventTime().isBefore(SWITCH)).toList();
            assertEquals(LiveRun.ids(oldAlertsBeforeSwitch), LiveRun.ids(decidedBefore), "the alerts before the switch");
            decidedBefore.forEach(a -> assertEquals(OLD, a.ruleSetVersion(), "decided before the switch: " + a));

            // cases opened on Monday under the old version run into their deadlines after the switch (deadlines
            // and escalations do not depend on the changed warning fraction)
            List<Alert> laterAlertsOfOpenCases = replayedWithOld.stream()
                    .filter(a -> ("K-002".equals(a.caseId()) || "K-005".equals(a.caseId()))
                            && a.level() != AlertLevel.WARNING && !a.eventTime().isBefore(SWITCH))
                    .toList();
            assertEquals(3, laterAlertsOfOpenCases.size(), "K-005 overdue and escalated, K-002 escalated");
            assertTrue(LiveRun.ids(liveAlerts).containsAll(LiveRun.ids(laterAlertsOfOpenCases)),
                    "open cases from before the switch still raise their later alerts");
            // the threshold of 2 counts Monday's complaint, made under the old version, with Tuesday night's
            Alert repeat = liveAlerts.stream().filter(a -> a.ruleId().equals("REPEAT_COMPLAINT")).findFirst().orElseThrow();
            assertEquals("K-102", repeat.caseId(), "the repeat-complaint window kept Monday's complaint");
            assertEquals(NEW, repeat.ruleSetVersion());

            SameAlerts.assertSame(replayedWithBoth, liveAlerts, "live against replay");
        }
    }

    @Test
    void invalidVersionOnTheControlTopic_isRejectedWithEveryProblem_andTheJobRunsOnUntouched(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        String broken = edit(stricterVersion("2026.11-9"),
                "effectiveFrom: 2026-11-17T20:00:00+08:00", "effectiveFrom: 2025-12-01T00:00:00+08:00",
                "warningFraction: 0.5", "warningFraction: 1.5",
                "threshold: 2 ", "threshold: 1 ");
        List<String> expectedProblems = new ArrayList<>(problemsOfFile(write(dir, "broken.yaml", broken), "rules.control[2026.11-9]"));
        assertEquals(3, expectedProblems.size(), "calendar year, warningFraction and threshold: " + expectedProblems);
        expectedProblems.add("rules.control[2026.11-9]: effectiveFrom: 2025-12-01T00:00+08:00 is not later than"
                + " 2026-01-01T00:00+08:00, from when the newest version in force (2026.11-1) applies; a new version"
                + " can only take over from a later time");
        List<Alert> expected = LiveRun.expected(WEEK);

        try (LiveRun run = new LiveRun();
                ControlledRun live = ControlledRun.start(run, RuleSetHistory.of(Fixtures.ruleSet()),
                        dir.resolve("savepoints"), cluster);
                RuleSetChannel channel = new RuleSetChannel(run.settings);
                RuleSetStatusReader statuses = new RuleSetStatusReader(run.settings)) {
            List<TimedLinePlayer.Line> lines = LiveRun.lines(WEEK, run.settings);
            TimedLinePlayer.play(run.kafka.bootstrapServers(), before(SWITCH, lines, true), SPEED, l -> {});
            JobID job = live.controller.job().getJobID();

            channel.submit(new RuleSetSubmission("2026.11-9", broken));
            RuleSetStatus status = statuses.await("2026.11-9", Duration.ofSeconds(30)).orElseThrow();
            assertEquals(RuleSetStatus.Outcome.REJECTED, status.status());
            assertEquals(expectedProblems, status.problems());
            assertEquals(Fixtures.beijing("2025-12-01T00:00"), status.effectiveFrom());

            assertEquals(job, live.controller.job().getJobID(), "the same job runs on");
            for (AccessExecutionVertex v : cluster.getExecutionGraph(job).get().getAllExecutionVertices()) {
                assertEquals(0, v.getCurrentExecutionAttempt().getAttemptNumber(), "never restarted: " + v);
            }
            assertEquals(List.of(OLD), live.controller.history().versions().stream().map(RuleSet::version).toList());
            try (RuleSetSubmissions control = new RuleSetSubmissions(run.settings)) {
                assertEquals(List.of(), control.backlog(), "the rejected version is withdrawn from rules.control");
            }

            TimedLinePlayer.play(run.kafka.bootstrapServers(), before(SWITCH, lines, false), SPEED, l -> {});
            run.awaitAlerts(expected.size(), Duration.ofSeconds(120));
            SameAlerts.assertSame(expected, run.on(run.settings.allAlertsTopic()), "live against replay");
        }
    }

    @Test
    void deployCommand_checksTheFileFirst_thenReportsTheLiveJobsAnswer(@TempDir Path dir,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Path broken = write(dir, "broken.yaml", edit(stricterVersion("2026.11-2"), "threshold: 2 ", "threshold: 1 "));
        Path second = write(dir, "second.yaml", stricterVersion("2026.11-2"));
        Path third = write(dir, "third.yaml", edit(stricterVersion("2026.11-3"),
                "effectiveFrom: 2026-11-17T20:00:00+08:00", "effectiveFrom: 2026-11-18T20:00:00+08:00"));
        try (LiveRun run = new LiveRun()) {
            try (RuleSetChannel channel = new RuleSetChannel(run.settings)) {
                channel.ensureTopics(); // as a live job that ran before has left them
            }
            Deploy invalid = deploy(run, broken, 5);
            assertEquals(1, invalid.exit(), invalid.output());
            assertEquals(broken + " is not valid; nothing was published:\n  - " + broken
                    + ":52:16: repeat-complaint.threshold: 1 must be at least 2 (one complaint is not a repetition)\n",
                    invalid.output());
            try (RuleSetSubmissions control = new RuleSetSubmissions(run.settings)) {
                assertEquals(List.of(), control.backlog(), "nothing published");
            }

            Deploy unanswered = deploy(run, second, 2); // no live job follows the control topic yet
            assertEquals(RulesDeployCommand.NO_ANSWER, unanswered.exit(), unanswered.output());
            assertTrue(unanswered.output().contains("no answer on rules.status within 2 s"), unanswered.output());

            try (ControlledRun live = ControlledRun.start(run, RuleSetHistory.of(Fixtures.ruleSet()),
                    dir.resolve("savepoints"), cluster)) {
                assertEquals(List.of(OLD, "2026.11-2"), versions(live), "the job starts with what is on rules.control");
                JobID first = live.controller.job().getJobID();

                Deploy accepted = deploy(run, third, 60);
                assertEquals(0, accepted.exit(), accepted.output());
                assertTrue(accepted.output().contains("2026.11-3 ACTIVE: decides events from 2026-11-18T20:00+08:00 on"),
                        accepted.output());
                assertEquals(List.of(OLD, "2026.11-2", "2026.11-3"), versions(live));
                assertNotEquals(first, live.controller.job().getJobID());

                Deploy again = deploy(run, third, 5);
                assertEquals(1, again.exit(), again.output());
                assertTrue(again.output().contains("version 2026.11-3 is live already"), again.output());
            }
        }
    }

    /** The shipped rule set as another version from Tuesday 20:00: warnings at half the time limit, two complaints. */
    private static String stricterVersion(String version) throws IOException {
        return edit(Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml")),
                "version: \"2026.11-1\"", "version: \"" + version + "\"",
                "effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2026-11-17T20:00:00+08:00",
                "warningFraction: 0.8", "warningFraction: 0.5",
                "threshold: 3 ", "threshold: 2 ");
    }

    /** {@code text} with each {@code from} (which must occur once) replaced by the following {@code to}. */
    private static String edit(String text, String... fromTo) {
        for (int i = 0; i < fromTo.length; i += 2) {
            assertEquals(1, text.split(Pattern.quote(fromTo[i]), -1).length - 1, fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return text;
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** What the rule-set checks say about a file, named as the control topic names a submission. */
    private static List<String> problemsOfFile(Path file, String source) {
        try {
            RuleSetLoader.load(file, Fixtures.reference());
            throw new AssertionError(file + " is valid");
        } catch (RuleSetException e) {
            return e.problems().stream().map(p -> p.replace(file.toString(), source)).toList();
        }
    }

    /** The recorded lines whose event time lies before {@code t} (or, with {@code !before}, the others). */
    private static List<TimedLinePlayer.Line> before(Instant t, List<TimedLinePlayer.Line> lines, boolean before) {
        return lines.stream().filter(l -> (l.eventTime() != null && l.eventTime().isBefore(t)) == before).toList();
    }

    private static List<Alert> replay(RuleSetHistory history, Path out) throws Exception {
        ReplayJob.run(new ReplayJob.Settings(WEEK, out, null, 2), Fixtures.reference(), history, System.out);
        AlertCodec codec = new AlertCodec();
        return Files.readAllLines(out.resolve("alerts/all.jsonl")).stream().filter(l -> !l.isBlank())
                .map(codec::decodeAlert).toList();
    }

    private static List<String> versions(ControlledRun live) {
        return live.controller.history().versions().stream().map(RuleSet::version).toList();
    }

    private record Deploy(int exit, String output) {}

    private static Deploy deploy(LiveRun run, Path file, int timeoutSeconds) {
        StringWriter out = new StringWriter();
        CommandLine cli = GridwardenCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("rules", "deploy", file.toString(), "--bootstrap-servers", run.kafka.bootstrapServers(),
                "--reference", Fixtures.sampleData().resolve("reference").toString(),
                "--timeout-seconds", Integer.toString(timeoutSeconds));
        return new Deploy(exit, out.toString());
    }
}
