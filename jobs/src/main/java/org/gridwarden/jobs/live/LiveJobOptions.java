package org.gridwarden.jobs.live;

import java.time.Duration;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.jobs.options.KafkaPropertiesOption;
import org.gridwarden.jobs.options.PseudonymKeyOption;
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

    /** The live job's checkpoint interval unless given; the benchmark's at-least-once runs use it too. */
    public static final String DEFAULT_CHECKPOINT_SECONDS = "10";

    @Option(names = "--checkpoint-seconds", defaultValue = DEFAULT_CHECKPOINT_SECONDS,
            description = "Checkpoint interval; exactly-once alerts become visible at each checkpoint. Default ${DEFAULT-VALUE}.")
    int checkpointSeconds;

    @Option(names = "--quiet-after-seconds", defaultValue = "10",
            description = "A partition read to its end and without a new record for this long is quiet: its event"
                    + " time then follows the wall clock, so deadlines fire on a quiet night. Default ${DEFAULT-VALUE}.")
    int quietAfterSeconds;

    @Option(names = "--quiet-lag-seconds", defaultValue = "5",
            description = "How far behind the wall clock a quiet partition's event time stays; a record arriving"
                    + " after a quiet spell more than this far behind is dead-lettered as LATE. Default ${DEFAULT-VALUE}.")
    int quietLagSeconds;

    @Option(names = "--recorded",
            description = "The inputs carry recorded data played faster than real time (a demo, a rehearsal): a"
                    + " quiet partition then stops holding the others back instead of following the wall clock.")
    boolean recorded;

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
    PseudonymKeyOption pseudonymKey;

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
        if (parallelism < 1 || checkpointSeconds < 1 || quietAfterSeconds < 1 || quietLagSeconds < 1) {
            throw new IllegalArgumentException("--parallelism, --checkpoint-seconds, --quiet-after-seconds and"
                    + " --quiet-lag-seconds must be at least 1");
        }
        if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
            throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb, not " + stateBackend);
        }
        KafkaSettings kafka = KafkaSettings.defaults(bootstrapServers)
                .withDelivery(KafkaEndpoints.parseDelivery(delivery))
                .withIds(groupId, transactionalIdPrefix)
                .withClientProperties(kafkaProperties.load());
        QuietPartitions quiet = recorded ? QuietPartitions.recorded(Duration.ofSeconds(quietAfterSeconds))
                : QuietPartitions.live(Duration.ofSeconds(quietAfterSeconds), Duration.ofSeconds(quietLagSeconds));
        return new LiveJob.Settings(kafka, parallelism, quiet, Duration.ofSeconds(checkpointSeconds), checkpointDir,
                stateBackend, savepoint).withPseudonyms(pseudonymKey.required());
    }
}
