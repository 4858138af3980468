package org.gridwarden.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.gridwarden.connectors.kafka.KafkaReachability;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.RuleSetChannel;
import org.gridwarden.connectors.kafka.RuleSetStatus;
import org.gridwarden.connectors.kafka.RuleSetStatusReader;
import org.gridwarden.connectors.kafka.RuleSetSubmission;
import org.gridwarden.jobs.options.KafkaPropertiesOption;
import org.gridwarden.jobs.options.ReferenceOption;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetException;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridwarden rules deploy}: a rule-set version goes live on the running job (规则集上线). */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Put a rule-set version live on the running job (gridwarden run) without losing state: check"
                + " it here, publish it to rules.control and wait for the job's answer on rules.status.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the version is ACTIVE",
            "1:the file is not valid (nothing published), the version name is live already, or the job REJECTED it",
            "2:wrong arguments, unreadable reference data, Kafka not reachable",
            "3:no answer within --timeout-seconds (the version stays on rules.control)"})
public final class RulesDeployCommand implements Callable<Integer> {

    /** Published, but the live job did not answer in time. */
    public static final int NO_ANSWER = 3;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rule set YAML to put live.")
    Path file;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Mixin
    ReferenceOption reference;

    @Mixin
    KafkaPropertiesOption kafkaProperties;

    @Option(names = "--timeout-seconds", defaultValue = "120", paramLabel = "N",
            description = "How long to wait for the live job's answer. Default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout-seconds must be at least 1, not " + timeoutSeconds);
        }
        // the whole wait, connecting included, is bounded by --timeout-seconds
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReferenceData district = reference.load();
        RuleSet ruleSet;
        try {
            ruleSet = RuleSetLoader.load(file, district);
        } catch (RuleSetException e) {
            err.println(file + " is not valid; nothing was published:");
            e.problems().forEach(p -> err.println("  - " + p));
            return 1;
        }
        String text = Files.readString(file);
        KafkaSettings kafka = KafkaSettings.defaults(bootstrapServers).withClientProperties(kafkaProperties.load());
        KafkaReachability.check(kafka, Duration.ofSeconds(timeoutSeconds));
        try (RuleSetChannel channel = new RuleSetChannel(kafka)) {
            channel.ensureTopics();
            try (RuleSetStatusReader statuses = new RuleSetStatusReader(kafka)) {
                RuleSetStatus known = statuses.readToEnd().get(ruleSet.version());
                if (known != null && known.status() == RuleSetStatus.Outcome.ACTIVE) {
                    err.printf("version %s is live already (since %s); give the changed rule set a version of its"
                            + " own; nothing was published%n", ruleSet.version(),
                            DistrictTime.local(known.at(), district.zone()));
                    return 1;
                }
                channel.submit(new RuleSetSubmission(ruleSet.version(), text));
                Duration left = Duration.between(Instant.now(), deadline);
                out.printf("%s (in force from %s) published to %s; waiting up to %d s for the live job%n",
                        ruleSet.version(), local(ruleSet, district), kafka.ruleControlTopic(),
                        Math.max(0, left.toSeconds()));
                out.flush();
                Optional<RuleSetStatus> answer = statuses.await(ruleSet.version(), left);
                if (answer.isEmpty()) {
                    err.printf("no answer on %s within %d s: is gridwarden run following %s on %s? The version"
                                    + " stays there and is checked when the job next reads it.%n",
                            kafka.ruleStatusTopic(), timeoutSeconds, kafka.ruleControlTopic(), bootstrapServers);
                    return NO_ANSWER;
                }
                return print(answer.get(), ruleSet, district, out);
            }
        } catch (KafkaException | IllegalStateException e) {
            throw new IllegalArgumentException("Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private static int print(RuleSetStatus status, RuleSet ruleSet, ReferenceData district, PrintWriter out) {
        if (status.status() == RuleSetStatus.Outcome.ACTIVE) {
            out.printf("%s ACTIVE: decides events from %s on (live since %s, the job restarted from %s)%n",
                    status.version(), local(ruleSet, district), DistrictTime.local(status.at(), district.zone()),
                    status.savepoint());
            return 0;
        }
        out.printf("%s REJECTED at %s; the live job runs on unchanged:%n", status.version(),
                DistrictTime.local(status.at(), district.zone()));
        status.problems().forEach(p -> out.println("  - " + p));
        return 1;
    }

    private static String local(RuleSet ruleSet, ReferenceData district) {
        return OffsetDateTime.ofInstant(ruleSet.effectiveFrom(), district.zone()).toString();
    }
}
