package org.gridwarden.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.gridwarden.connectors.kafka.KafkaReachability;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.LiveJob;
import org.gridwarden.jobs.live.LiveJobOptions;
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

    /** How long a broker has to answer before the job starts; a job on a broker that is down retries for long. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    LiveJobOptions live;

    @Option(names = "--rule-control", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Follow rules.control: put each rule-set version submitted there (gridwarden rules deploy)"
                    + " live by a savepoint restart, report it on rules.status, and start with the versions already"
                    + " live there. On by default; --no-rule-control runs only the --rules given.")
    boolean ruleControl;

    @Option(names = "--savepoint-dir", paramLabel = "URI",
            description = "Where the savepoints of rule-set changes go. Default: gridwarden-savepoints in the"
                    + " temporary directory; give durable storage in operation.")
    String savepointDir;

    @Override
    public Integer call() throws Exception {
        LiveJob.Settings settings = live.settings();
        ReferenceData reference = live.district().loadReference();
        RuleSetHistory history = live.district().loadHistory(reference);
        KafkaSettings kafka = settings.kafka();
        KafkaReachability.check(kafka, CONNECT_TIMEOUT);
        System.out.printf("gridwarden live: %s, rule sets %s%n  in: %s, %s  out: alerts.<department>, %s, %s%n"
                        + "  group %s, transactional ids %s-*, delivery %s, checkpoints every %d s, %s%n",
                reference.district().name(), history.versions().stream().map(RuleSet::version).toList(),
                kafka.gridReportsTopic(), kafka.ledgerEventsTopic(), kafka.allAlertsTopic(), kafka.deadLetterTopic(),
                kafka.groupId(), kafka.transactionalIdPrefix(), kafka.delivery(),
                settings.checkpointInterval().toSeconds(), live.kafkaProperties().describe());
        if (ruleControl) {
            String savepoints = savepointDir != null ? savepointDir
                    : Path.of(System.getProperty("java.io.tmpdir"), "gridwarden-savepoints").toUri().toString();
            new RuleSetController(settings, reference, history, savepoints, Clock.systemUTC(), System.out).run();
        } else {
            LiveJob.run(settings, reference, history);
        }
        return 0;
    }
}
