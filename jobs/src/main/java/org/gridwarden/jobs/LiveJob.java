package org.gridwarden.jobs;

import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.live.LiveInputSource;
import org.gridwarden.connectors.kafka.live.QuietPartitions;
import org.gridwarden.jobs.live.LiveJobOptions;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.risk.GridRiskIndex;
import org.gridwarden.rules.routing.DepartmentTopicRouter;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The live job (实时预警): Kafka in, rules, department topics out, exactly-once by default. The same class is
 * what {@code flink run gridwarden-flink.jar ...} starts on a cluster (its arguments are those of
 * {@code gridwarden run}, without the rule-set controller).
 */
public final class LiveJob {

    /**
     * @param quiet when a partition read to its end counts as quiet, and whether its event time then follows
     *     the wall clock (live data) or it just stops holding the others back (recorded data played faster)
     * @param checkpointInterval also how often exactly-once alerts become visible to read_committed readers
     * @param stateBackend {@code hashmap} (state on the heap) or {@code rocksdb} (state on local disk)
     * @param savepoint a savepoint or retained checkpoint to start from, or null for a fresh start
     */
    public record Settings(KafkaSettings kafka, int parallelism, QuietPartitions quiet, Duration checkpointInterval,
            String checkpointDir, String stateBackend, String savepoint, Pseudonyms pseudonyms) {

        /** Under the sample pseudonym key: for the demo, the benchmark and tests. */
        public Settings(KafkaSettings kafka, int parallelism, QuietPartitions quiet, Duration checkpointInterval,
                String checkpointDir, String stateBackend, String savepoint) {
            this(kafka, parallelism, quiet, checkpointInterval, checkpointDir, stateBackend, savepoint, null);
        }

        public Settings withSavepoint(String path) {
            return new Settings(kafka, parallelism, quiet, checkpointInterval, checkpointDir, stateBackend, path,
                    pseudonyms);
        }

        public Settings withPseudonyms(Pseudonyms key) {
            return new Settings(kafka, parallelism, quiet, checkpointInterval, checkpointDir, stateBackend, savepoint,
                    key);
        }
    }

    /** The job's name; Prometheus shows it as the label {@code job_name="gridwarden_live"} (docs/metrics.md). */
    public static final String NAME = "gridwarden live";

    private LiveJob() {}

    /**
     * The cluster jar's entry point: the options of {@code gridwarden run}, without rule control (on a cluster, a
     * new rule-set version goes live by flink stop and flink run -s, docs/rule-deployment.md). A wrong option or a
     * failing job surfaces as the exception itself, which is what the cluster reports.
     */
    public static void main(String[] args) throws Exception {
        ClusterOptions cluster = new ClusterOptions();
        new CommandLine(cluster).parseArgs(args);
        ReferenceData reference = cluster.options.district().loadReference();
        run(cluster.options.settings(), reference, cluster.options.district().loadHistory(reference));
    }

    /** The live job under {@code history} until it ends; rule-set changes need a restart. */
    public static void run(Settings settings, ReferenceData reference, RuleSetHistory history) throws Exception {
        StreamExecutionEnvironment env = environment(settings);
        define(env, settings, reference, history, Clock.systemUTC());
        env.execute(NAME);
    }

    /** Only the live job's options: the rest of the command line needs classes a cluster does not ship. */
    @Command(name = "gridwarden-live")
    static final class ClusterOptions {
        @Mixin
        LiveJobOptions options;
    }

    public static StreamExecutionEnvironment environment(Settings settings) {
        Configuration conf = JobEnvironments.base(RuntimeExecutionMode.STREAMING, settings.parallelism());
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        if (settings.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
        }
        conf.set(StateBackendOptions.STATE_BACKEND, settings.stateBackend());
        if (settings.savepoint() != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, settings.savepoint());
        }
        return JobEnvironments.create(conf);
    }

    /** Kafka sources -> workflow -> department topics, risk topic and dead-letter topic. */
    public static void define(StreamExecutionEnvironment env, Settings settings, ReferenceData reference,
            RuleSet ruleSet, Clock clock) {
        define(env, settings, reference, RuleSetHistory.of(ruleSet), clock);
    }

    /**
     * The live job under the rule sets of {@code history}. Operator uids do not depend on the history, so a
     * savepoint taken under one history restores under a longer one.
     */
    public static void define(StreamExecutionEnvironment env, Settings settings, ReferenceData reference,
            RuleSetHistory history, Clock clock) {
        RuleSet ruleSet = history.latest();
        KafkaSettings kafka = settings.kafka();
        KafkaEndpoints endpoints = new KafkaEndpoints(kafka);
        IngestDecoder decoder = new IngestDecoder(reference, ruleSet.ingest());
        Duration lateness = ruleSet.ingest().allowedLateness().toDuration();

        DataStream<Ingested> inputs = env
                .fromSource(endpoints.liveInputs(decoder, lateness, settings.quiet()),
                        LiveInputSource.watermarks(lateness), "Inputs (Kafka)")
                .uid("inputs-kafka");
        DataStream<Ingested> reports = inputs.filter(r -> IngestDecoder.GRID_REPORTS.equals(r.stream()))
                .uid("grid-reports-of-inputs").name("Grid reports");
        DataStream<Ingested> ledger = inputs.filter(r -> IngestDecoder.LEDGER_EVENTS.equals(r.stream()))
                .uid("ledger-events-of-inputs").name("Ledger events");

        RuleContext ctx = RuleContext.of(reference, history);
        AlertWorkflow.Outputs outputs = AlertWorkflow.define(reports, ledger, ctx,
                PseudonymKey.orSample(settings.pseudonyms()));

        GridRiskIndex.wire(outputs.alerts(), ctx)
                .sinkTo(endpoints.riskSink())
                .uid("risk-kafka-sink").name("Risk index (Kafka)");
        outputs.alerts()
                .flatMap(new DepartmentTopicRouter(reference, kafka.allAlertsTopic()))
                .uid("route-to-department-topics").name("Route to department topics")
                .sinkTo(endpoints.alertSink(clock))
                .uid("alerts-kafka-sink").name("Alerts (Kafka)");
        outputs.deadLetters()
                .sinkTo(endpoints.deadLetterSink())
                .uid("dead-letters-kafka-sink").name("Dead letters (Kafka)");
    }
}
