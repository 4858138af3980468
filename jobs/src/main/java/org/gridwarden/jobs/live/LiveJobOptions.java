package org.gridwarden.jobs.live;

import java.time.Duration;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.jobs.cli.DistrictOptions;
import org.gridwarden.jobs.cli.KafkaPropertiesOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The live job's options, shared by {@code gridwarden run} and the cluster jar's entry point ({@link LiveJob#main}),
 * which must not load the rest of the command line (a cluster lacks what the benchmark commands need).
 */
public final class LiveJobOptions {

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

    @Mixin
    DistrictOptions district;

    @Mixin
    KafkaPropertiesOption kafkaProperties;

    public DistrictOptions district() {
        return district;
    }

    public KafkaPropertiesOption kafkaProperties() {
        return kafkaProperties;
    }

    /** The live job's settings; an impossible value gives an {@link IllegalArgumentException} naming the option. */
    public LiveJob.Settings settings() {
        if (parallelism < 1 || checkpointSeconds < 1 || idleSeconds < 1 || quietAfterSeconds < 0 || quietLagSeconds < 0) {
            throw new IllegalArgumentException("--parallelism, --checkpoint-seconds and --idle-seconds must be at least 1,"
                    + " --quiet-after-seconds and --quiet-lag-seconds at least 0");
        }
        if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
            throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb, not " + stateBackend);
        }
        KafkaSettings kafka = KafkaSettings.defaults(bootstrapServers)
                .withDelivery(KafkaEndpoints.parseDelivery(delivery))
                .withIds(groupId, transactionalIdPrefix)
                .withClientProperties(kafkaProperties.load());
        boolean wallClock = quietAfterSeconds > 0;
        return new LiveJob.Settings(kafka, parallelism,
                wallClock ? null : Duration.ofSeconds(idleSeconds),
                wallClock ? Duration.ofSeconds(quietAfterSeconds) : null, Duration.ofSeconds(quietLagSeconds),
                Duration.ofSeconds(checkpointSeconds), checkpointDir, stateBackend, savepoint);
    }
}
