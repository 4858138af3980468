package org.gridwarden.jobs;

import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.cli.GridwardenCli;
import org.gridwarden.rules.ingest.IngestWatermarks;
import org.gridwarden.rules.ingest.WallClock;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.privacy.Pseudonyms;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.routing.DepartmentTopicRouter;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;

/**
 * The live job (实时预警): Kafka in, rules, department topics out, exactly-once by default. The same class is
 * what {@code flink run gridwarden-flink.jar ...} starts on a cluster (its arguments are those of
 * {@code gridwarden run}, without the rule-set controller).
 */
public final class LiveJob {

    /**
     * @param idleness after this much wall time without data a partition no longer holds the watermark back
     *     (recorded data played on an accelerated clock, as in the demo)
     * @param quietAfter null for recorded data; in live operation, after this much wall time without data a
     *     partition's event time follows the wall clock, so deadlines fire on a quiet night
     * @param quietLag how far behind the wall clock a quiet partition's event time stays
     * @param checkpointInterval also how often exactly-once alerts become visible to read_committed readers
     * @param stateBackend {@code hashmap} (state on the heap) or {@code rocksdb} (state on local disk)
     * @param savepoint a savepoint or retained checkpoint to start from, or null for a fresh start
     */
    public record Settings(KafkaSettings kafka, int parallelism, Duration idleness, Duration quietAfter,
            Duration quietLag, Duration checkpointInterval, String checkpointDir, String stateBackend,
            String savepoint, Pseudonyms pseudonyms) {

        /** Under the sample pseudonym key: for the demo, the benchmark and tests. */
        public Settings(KafkaSettings kafka, int parallelism, Duration idleness, Duration quietAfter,
                Duration quietLag, Duration checkpointInterval, String checkpointDir, String stateBackend,
                String savepoint) {
            this(kafka, parallelism, idleness, quietAfter, quietLag, checkpointInterval, checkpointDir, stateBackend,
                    savepoint, null);
        }

        public Settings(KafkaSettings kafka, int parallelism, Duration idleness, Duration quietAfter, Duration quietLag,
                Duration checkpointInterval, String checkpointDir) {
            this(kafka, parallelism, idleness, quietAfter, quietLag, checkpointInterval, checkpointDir, "hashmap", null);
        }

        public Settings withSavepoint(String path) {
            return new Settings(kafka, parallelism, idleness, quietAfter, quietLag, checkpointInterval, checkpointDir,
                    stateBackend, path, pseudonyms);
        }

        public Settings withPseudonyms(Pseudonyms key) {
            return new Settings(kafka, parallelism, idleness, quietAfter, quietLag, checkpointInterval, checkpointDir,
                    stateBackend, savepoint, key);
        }
    }

    private LiveJob() {}

    public static void main(String[] args) {
        // on a cluster, a new rule-set version goes live by flink stop and flink run -s (docs/rule-deployment.md)
        String[] run = new String[args.length + 2];
        run[0] = "run";
        run[1] = "--no-rule-control";
        System.arraycopy(args, 0, run, 2, args.length);
        int exit = GridwardenCli.commandLine().execute(run);
        if (exit != 0) {
            throw new IllegalStateException("gridwarden run exited with " + exit);
        }
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

    /** Kafka sources -> workflow -> department topics and dead-letter topic. */
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
        IngestDecoder decoder = new IngestDecoder(reference);
        Duration lateness = ruleSet.ingest().allowedLateness().toDuration();
        WatermarkStrategy<Ingested> watermarks = settings.quietAfter() == null
                ? IngestWatermarks.strategy(lateness, settings.idleness())
                : IngestWatermarks.liveStrategy(lateness, settings.quietAfter(), settings.quietLag(), WallClock.system());

        DataStream<Ingested> reports = env
                .fromSource(endpoints.source(kafka.gridReportsTopic(), IngestDecoder.GRID_REPORTS, decoder), watermarks,
                        "Grid reports (Kafka)")
                .uid("grid-reports-kafka");
        DataStream<Ingested> ledger = env
                .fromSource(endpoints.source(kafka.ledgerEventsTopic(), IngestDecoder.LEDGER_EVENTS, decoder),
                        watermarks, "Ledger events (Kafka)")
                .uid("ledger-events-kafka");

        AlertWorkflow.Outputs outputs = AlertWorkflow.define(reports, ledger, RuleContext.of(reference, history),
                PseudonymKey.orSample(settings.pseudonyms()));

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
