package org.gridwarden.app.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gridwarden.app.watch.AlertWatch;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.jobs.options.KafkaPropertiesOption;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Live view of alerts for the operations center: one line per alert (local time, level,"
                + " case id, department, street and grid, title) and counts per department, read_committed from"
                + " alerts.all or one department's topic. Ctrl-C to stop.")
final class WatchCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Option(names = "--department", paramLabel = "ID",
            description = "Watch this department's own topic instead of alerts.all (a department id of the reference data).")
    String department;

    @Option(names = "--level", split = ",", paramLabel = "LEVEL",
            description = "Show only these levels, e.g. OVERDUE,ESCALATED (${COMPLETION-CANDIDATES}). Default: all.")
    List<AlertLevel> levels;

    @Option(names = "--from-beginning", description = "Show every alert still on the topic, not only new ones.")
    boolean fromBeginning;

    @Option(names = "--group-id", paramLabel = "G",
            description = "Consumer group: the watch commits what it has shown and, after a restart or a lost broker,"
                    + " goes on exactly there (no alert twice, none skipped). Without it each watch starts afresh.")
    String groupId;

    @Option(names = "--no-color", description = "No ANSI colours (they are off anyway when stdout is not a terminal).")
    boolean noColor;

    @Option(names = "--counts-every", defaultValue = "20", paramLabel = "N",
            description = "Print the counts per department after every N alerts. Default ${DEFAULT-VALUE}.")
    int countsEvery;

    @Mixin
    DistrictOptions district;

    @Mixin
    KafkaPropertiesOption kafkaProperties;

    @Override
    public Integer call() throws Exception {
        if (countsEvery < 1) {
            throw new IllegalArgumentException("--counts-every must be at least 1, not " + countsEvery);
        }
        ReferenceData reference = district.loadReference();
        String topic = department == null ? KafkaSettings.defaults(bootstrapServers).allAlertsTopic() : topicOf(reference);
        Set<AlertLevel> shown = levels == null || levels.isEmpty() ? Set.of() : EnumSet.copyOf(levels);
        boolean color = !noColor && System.console() != null;
        AlertWatch.Settings settings = new AlertWatch.Settings(bootstrapServers, topic, shown, fromBeginning, color,
                countsEvery, groupId, kafkaProperties.load());

        // Ctrl-C starts the JVM's shutdown: let the watch stop and print its final counts before the JVM exits.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gridwarden-watch-stop"));
        try (AlertWatch watch = AlertWatch.start(settings, reference, System.out)) {
            stop.await();
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private String topicOf(ReferenceData reference) {
        return reference.department(department).map(Department::topic).orElseThrow(() -> new IllegalArgumentException(
                "--department " + department + ": not a department of " + reference.district().name() + "; valid: "
                        + reference.departments().stream().map(Department::id).sorted()
                        .collect(Collectors.joining(", "))));
    }
}
