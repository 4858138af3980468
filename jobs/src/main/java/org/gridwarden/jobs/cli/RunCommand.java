package org.gridwarden.jobs.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.jobs.live.RuleSetController;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the live job against a Kafka cluster: grid.reports and ledger.events in,"
                + " alerts.<department>, alerts.all and ingest.dlq out; rule-set versions from rules.control go live"
                + " without losing state (see docs/rule-deployment.md).")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Option(names = "--parallelism", defaultValue = "2", description = "Default ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "Where checkpoints are kept, e.g. file:///var/gridwarden/checkpoints.")
    String checkpointDir;

    @Option(names = "--checkpoint-seconds", defaultValue = "10",
            description = "Checkpoint interval; exactly-once alerts become visible at each checkpoint. Default ${DEFAULT-VALUE}.")
    int checkpointSeconds;

    @Option(names = "--quiet-after-seconds", defaultValue = "10",
            description = "After this long without data, a partition's event time follows the wall clock, so deadlines"
                    + " fire on a quiet night. Default ${DEFAULT-VALUE}; 0 switches this off for recorded data"
                    + " played faster than real time (then --idle-seconds applies).")
    int quietAfterSeconds;

    @Option(names = "--idle-seconds", defaultValue = "30",
            description = "With --quiet-after-seconds 0: a partition without data for this long no longer holds"
                    + " event time back. Default ${DEFAULT-VALUE}.")
    int idleSeconds;

    @Option(names = "--quiet-lag-seconds", defaultValue = "5",
            description = "How far behind the wall clock a quiet partition's event time stays; a record arriving"
                    + " after a quiet spell more than this far behind is dead-lettered as LATE. Default ${DEFAULT-VALUE}.")
    int quietLagSeconds;

    @Option(names = "--delivery", defaultValue = "exactly-once", description = "exactly-once (default) or at-least-once.")
    String delivery;

    @Option(names = "--group-id", defaultValue = "gridwarden-live", description = "Consumer group. Default ${DEFAULT-VALUE}.")
    String groupId;

    @Option(names = "--transactional-id-prefix", defaultValue = "gridwarden-live",
            description = "Unique per job and environment. Default ${DEFAULT-VALUE}.")
    String transactionalIdPrefix;

    @Option(names = "--state-backend", defaultValue = "hashmap",
            description = "hashmap (state on the heap, default) or rocksdb (state on local disk). See docs/state-backend.md.")
    String stateBackend;

    @Option(names = "--from-savepoint", paramLabel = "URI",
            description = "Start from a savepoint or retained checkpoint (an upgrade keeps every open case and deadline).")
    String savepoint;

    @Option(names = "--rule-control", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Follow rules.control: put each rule-set version submitted there (gridwarden rules deploy)"
                    + " live by a savepoint restart, report it on rules.status, and start with the versions already"
                    + " live there. On by default; --no-rule-control runs only the --rules given.")
    boolean ruleControl;

    @Option(names = "--savepoint-dir", paramLabel = "URI",
            description = "Where the savepoints of rule-set changes go. Default: gridwarden-savepoints in the"
                    + " temporary directory; give durable storage in operation.")
    String savepointDir;

    @Mixin
    DistrictOptions district;

    @Mixin
    PseudonymKeyOption pseudonymKey;

    @Override
    public Integer call() throws Exception {
        if (parallelism < 1 || checkpointSeconds < 1 || idleSeconds < 1 || quietAfterSeconds < 0 || quietLagSeconds < 0) {
            throw new IllegalArgumentException("--parallelism, --checkpoint-seconds and --idle-seconds must be at least 1,"
                    + " --quiet-after-seconds and --quiet-lag-seconds at least 0");
        }
        ReferenceData reference = district.loadReference();
        RuleSetHistory history = district.loadHistory(reference);
        KafkaSettings kafka = KafkaSettings.defaults(bootstrapServers)
                .withDelivery(KafkaEndpoints.parseDelivery(delivery))
                .withIds(groupId, transactionalIdPrefix);
        if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
            throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb, not " + stateBackend);
        }
        boolean wallClock = quietAfterSeconds > 0;
        LiveJob.Settings settings = new LiveJob.Settings(kafka, parallelism,
                wallClock ? null : Duration.ofSeconds(idleSeconds),
                wallClock ? Duration.ofSeconds(quietAfterSeconds) : null, Duration.ofSeconds(quietLagSeconds), Duration.ofSeconds(checkpointSeconds), checkpointDir, stateBackend,
                savepoint).withPseudonyms(pseudonymKey.required());
        System.out.printf("gridwarden live: %s, rule sets %s%n  in: %s, %s  out: alerts.<department>, %s, %s%n"
                        + "  group %s, transactional ids %s-*, delivery %s, checkpoints every %d s%n",
                reference.district().name(), history.versions().stream().map(RuleSet::version).toList(),
                kafka.gridReportsTopic(), kafka.ledgerEventsTopic(), kafka.allAlertsTopic(), kafka.deadLetterTopic(),
                kafka.groupId(), kafka.transactionalIdPrefix(), delivery, checkpointSeconds);
        if (ruleControl) {
            String savepoints = savepointDir != null ? savepointDir
                    : Path.of(System.getProperty("java.io.tmpdir"), "gridwarden-savepoints").toUri().toString();
            new RuleSetController(settings, reference, history, savepoints, Clock.systemUTC(), System.out).run();
        } else {
            StreamExecutionEnvironment env = LiveJob.environment(settings);
            LiveJob.define(env, settings, reference, history, Clock.systemUTC());
            env.execute("gridwarden live");
        }
        return 0;
    }
}
