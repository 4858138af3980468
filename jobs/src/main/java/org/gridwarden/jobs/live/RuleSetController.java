package org.gridwarden.jobs.live;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.RuleSetChannel;
import org.gridwarden.connectors.kafka.RuleSetStatus;
import org.gridwarden.connectors.kafka.RuleSetSubmission;
import org.gridwarden.connectors.kafka.RuleSetSubmissions;
import org.gridwarden.connectors.kafka.Topics;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;

/**
 * Puts rule-set versions live without losing state (规则集上线): runs the live job and follows the control topic.
 * A submitted version that passes {@link RuleSetAdmission} replaces the running job by one under the history
 * with that version added, restored from a savepoint taken without drain, so open cases, counting windows and
 * pending deadlines carry over and the exactly-once sink neither repeats nor loses an alert. A version that
 * fails is reported with every problem and withdrawn from the control topic; the running job is not touched.
 *
 * <p>A restart rather than a broadcast of parameters: every decision takes the version in force at its event's
 * time, so the job under the longer history decides exactly as a replay with that history would. The layout of
 * the rules' state must not depend on parameters, so that the savepoint fits; should the restarted job fail all
 * the same within its probation, the previous versions come back from the same savepoint and the version is
 * rejected.
 */
public final class RuleSetController implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final LiveJob.Settings settings;
    private final ReferenceData reference;
    private final String savepointDir;
    private final Clock clock;
    private final PrintStream log;
    /** The texts of the versions that went live through the control topic, by version. */
    private final Map<String, String> liveTexts = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile RuleSetHistory history;
    private volatile JobClient job;
    /** How the running job ended, once it has. */
    private CompletableFuture<JobExecutionResult> jobResult;

    /**
     * @param given the versions of {@code --rules}; those already live on the control topic are added at start
     * @param savepointDir where the savepoints of rule-set changes go (a URI the job's cluster can write)
     * @param clock wall time of the alert sink and of status records
     */
    public RuleSetController(LiveJob.Settings settings, ReferenceData reference, RuleSetHistory given,
            String savepointDir, Clock clock, PrintStream log) {
        this.settings = settings;
        this.reference = reference;
        this.history = given;
        this.savepointDir = savepointDir;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Starts the live job under the given versions and those already on the control topic, then puts each newly
     * submitted version live or rejects it, until {@link #close()} or until the job ends by itself.
     *
     * @throws Exception the job's failure, or why it could not start
     */
    public void run() throws Exception {
        KafkaSettings kafka = settings.kafka();
        try (RuleSetChannel channel = new RuleSetChannel(kafka)) {
            channel.ensureTopics();
            // compacted, so a reader of the map finds every grid's latest index and no more
            Topics.ensure(kafka.clientConfig(), List.of(Topics.compacted(kafka.riskTopic(), Optional.empty())));
            try (RuleSetSubmissions submissions = new RuleSetSubmissions(kafka)) {
                submissions.backlog().forEach(this::takeOnStart);
                log.printf("rule sets in force: %s%n", describe());
                job = start(history, settings.savepoint());
                log.printf("live job %s running; following %s%n", job.getJobID(), kafka.ruleControlTopic());
                while (running) {
                    for (RuleSetSubmission s : submissions.poll(POLL)) {
                        if (running) {
                            deploy(s, channel);
                        }
                    }
                    if (jobResult.isDone()) {
                        jobResult.get(); // the job's failure, if it failed
                        return;
                    }
                }
            }
        } finally {
            cancelJob();
            stopped.countDown();
        }
    }

    /** The versions the running job decides by. */
    public RuleSetHistory history() {
        return history;
    }

    /** The running job; another one after each version that went live. */
    public JobClient job() {
        return job;
    }

    /** A version already on the control topic at start: it went live before, unless it does not pass now. */
    private void takeOnStart(RuleSetSubmission s) {
        RuleSetAdmission.Verdict verdict = RuleSetAdmission.check(s, settings.kafka().ruleControlTopic(), reference,
                history);
        if (verdict.admitted()) {
            history = history.with(verdict.ruleSet());
            liveTexts.put(s.version(), s.text());
        } else {
            log.printf("%s: skipped version %s:%n  - %s%n", settings.kafka().ruleControlTopic(), s.version(),
                    String.join("\n  - ", verdict.problems()));
        }
    }

    private void deploy(RuleSetSubmission s, RuleSetChannel channel) throws Exception {
        if (s.text().equals(liveTexts.get(s.version()))) {
            return; // the record of a version that is live already
        }
        RuleSetAdmission.Verdict verdict = RuleSetAdmission.check(s, settings.kafka().ruleControlTopic(), reference,
                history);
        if (!verdict.admitted()) {
            reject(s, verdict.effectiveFrom(), verdict.problems(), channel);
            return;
        }
        String inForce = history.latest().version();
        String savepoint;
        try {
            savepoint = job.stopWithSavepoint(false, savepointDir, SavepointFormatType.CANONICAL)
                    .get(SAVEPOINT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            reject(s, verdict.effectiveFrom(), List.of("the live job could not take a savepoint ("
                    + ExceptionUtils.stripExecutionException(e).getMessage() + "); it runs on unchanged under "
                    + inForce + ". Submit the version again."), channel);
            return;
        }
        RuleSetHistory next = history.with(verdict.ruleSet());
        String failure;
        try {
            job = start(next, savepoint);
            failure = survivesProbation() ? null : "it failed within " + probation().toSeconds()
                    + " s (the job's log has the cause); alerts it raised meanwhile may come a second time,"
                    + " with the same alertId";
        } catch (Exception e) {
            failure = "it did not start: " + ExceptionUtils.stripExecutionException(e).getMessage();
        }
        if (failure != null) {
            cancelJob();
            job = start(history, savepoint);
            reject(s, verdict.effectiveFrom(), List.of("the live job could not run under the new version: " + failure
                    + ". It runs on under " + inForce + ", restored from " + savepoint), channel);
            return;
        }
        history = next;
        liveTexts.put(s.version(), s.text());
        channel.report(RuleSetStatus.active(s.version(), verdict.effectiveFrom(), clock.instant(), savepoint));
        log.printf("%s ACTIVE: rule sets in force %s; live job %s restored from %s%n", s.version(), describe(),
                job.getJobID(), savepoint);
    }

    /**
     * Reports the rejection and leaves on the control topic only what went live: the rejected record is withdrawn,
     * or, when it reused the name of a version live through the topic, that version's text is written back.
     */
    private void reject(RuleSetSubmission s, Instant effectiveFrom, List<String> problems, RuleSetChannel channel) {
        String live = liveTexts.get(s.version());
        if (live != null) {
            channel.submit(new RuleSetSubmission(s.version(), live));
        } else {
            channel.withdraw(s.version());
        }
        channel.report(RuleSetStatus.rejected(s.version(), effectiveFrom, problems, clock.instant()));
        log.printf("%s REJECTED; the live job runs on under %s:%n  - %s%n", s.version(), history.latest().version(),
                String.join("\n  - ", problems));
    }

    private JobClient start(RuleSetHistory versions, String savepoint) throws Exception {
        LiveJob.Settings live = settings.withSavepoint(savepoint);
        StreamExecutionEnvironment env = LiveJob.environment(live);
        LiveJob.define(env, live, reference, versions, clock);
        JobClient started = env.executeAsync(LiveJob.NAME);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        JobStatus status;
        while ((status = started.getJobStatus().get()) != JobStatus.RUNNING) {
            if (status.isGloballyTerminalState()) {
                started.getJobExecutionResult().get();
                throw new IllegalStateException("the live job ended at once: " + status);
            }
            if (Instant.now().isAfter(deadline)) {
                started.cancel();
                throw new IllegalStateException("the live job did not run within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        jobResult = started.getJobExecutionResult();
        return started;
    }

    /**
     * Whether the restarted job keeps running for {@link #probation()}: a savepoint whose state does not fit the
     * new job makes it fail at its first records or timers, which come within that time while data flows.
     */
    private boolean survivesProbation() throws Exception {
        Instant end = Instant.now().plus(probation());
        while (Instant.now().isBefore(end)) {
            if (job.getJobStatus().get() != JobStatus.RUNNING) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private Duration probation() {
        return settings.checkpointInterval().multipliedBy(3).plusSeconds(5);
    }

    private void cancelJob() {
        if (jobResult != null && !jobResult.isDone()) {
            try {
                job.cancel().get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                log.printf("could not cancel the live job %s: %s%n", job.getJobID(), e);
            }
        }
    }

    private String describe() {
        return history.versions().stream()
                .map(rs -> rs.version() + " from " + OffsetDateTime.ofInstant(rs.effectiveFrom(), reference.zone()))
                .collect(Collectors.joining(", "));
    }

    /** Stops following the control topic and cancels the live job (after a change under way has finished). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        stopped.await(SAVEPOINT_TIMEOUT.plus(START_TIMEOUT).toSeconds(), TimeUnit.SECONDS);
    }
}
