package org.gridwarden.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.ReplayTopicWriter;
import org.gridwarden.jobs.EmissionWindow;
import org.gridwarden.jobs.KafkaHistory;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.jobs.importer.LedgerImport;
import org.gridwarden.jobs.report.DailyReport;
import org.gridwarden.jobs.report.DayInput;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the rules over JSON-lines history (grid-reports*.jsonl, ledger-events*.jsonl, or .gz;"
                + " or a day archive DIR/YYYY-MM-DD/) in event time and write alerts/<department>.jsonl,"
                + " alerts/all.jsonl and dlq.jsonl.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "DIR",
            description = "Directory of input files, or a day archive (DIR/YYYY-MM-DD/, the district's local days).")
    Path input;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Replay the live job's input topics instead of files (committed records only).")
    String bootstrapServers;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "With --bootstrap-servers: the first records by their Kafka timestamp. Default: the earliest.")
    Instant kafkaFrom;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "With --bootstrap-servers: records before this Kafka timestamp. Default: the latest at start.")
    Instant kafkaTo;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the outputs.")
    Path out;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Replay horizon, e.g. 2026-11-20T18:00:00+08:00: no alert after it. Default: --emit-to,"
                    + " else the export time `gridwarden import` recorded in --input (unless --as-of is given), else"
                    + " the newest event.")
    Instant until;

    @Option(names = "--as-of", paramLabel = "TIME", converter = TimeConverter.class,
            description = "When the input files arrived, e.g. 2026-11-20T18:00:00+08:00: a record dated more than"
                    + " the rule set's ingest.futureTolerance after it is dead-lettered FUTURE, as live. Default: no"
                    + " such check for files (Kafka records are checked against their timestamps).")
    Instant asOf;

    @Option(names = "--emit-from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Write only alerts whose event time is at or after this, e.g. 2026-12-17T00:00:00+08:00;"
                    + " the rules read the warm-up before it first. Default: all.")
    Instant emitFrom;

    @Option(names = "--emit-to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Write only alerts whose event time is before this. No event from it on is read; the"
                    + " history up to it is taken as complete, so it is the horizon unless --until is earlier."
                    + " Default: up to the horizon.")
    Instant emitTo;

    @Option(names = "--warm-up", paramLabel = "PERIOD", converter = WarmUpConverter.class,
            description = "History read before --emit-from to build the rules' state, in calendar time, e.g. 45d"
                    + " or 36h; from the start of that day. Default: the longest look-back of the rule sets.")
    Duration warmUp;

    @Option(names = "--replay-topics", description = "With --bootstrap-servers: also write the alerts to"
            + " alerts.replay.<department> and alerts.replay.all, never to the live topics.")
    boolean replayTopics;

    @Option(names = "--report-day", paramLabel = "DATE", converter = ReportCommand.DayConverter.class,
            description = "Also write the daily report of DATE (daily-report-DATE.html and .md) into --out; with"
                    + " --emit-from, start the window 7 days before DATE for the week's comparison.")
    LocalDate reportDay;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--mode", defaultValue = "BATCH",
            description = "BATCH (default) or STREAMING: the live code path over the files; both raise the same alerts.")
    org.apache.flink.api.common.RuntimeExecutionMode mode;

    @Mixin
    DistrictOptions district;

    @Mixin
    PseudonymKeyOption pseudonymKey;

    @Mixin
    KafkaPropertiesOption kafkaProperties;

    @Override
    public Integer call() throws Exception {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
        }
        if ((input == null) == (bootstrapServers == null)) {
            throw new IllegalArgumentException("give either --input DIR (files) or --bootstrap-servers HOST:PORT"
                    + " (the live job's topics)");
        }
        if (input != null && !java.nio.file.Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + ": not a directory");
        }
        if (input != null && (kafkaFrom != null || kafkaTo != null)) {
            throw new IllegalArgumentException("--from and --to bound the Kafka topics; for files use --emit-from"
                    + " and --emit-to");
        }
        if (kafkaFrom != null && kafkaTo != null && !kafkaFrom.isBefore(kafkaTo)) {
            throw new IllegalArgumentException("--from " + kafkaFrom + " is not before --to " + kafkaTo);
        }
        if (asOf != null && input == null) {
            throw new IllegalArgumentException("--as-of is for files; Kafka records carry their own arrival time");
        }
        if (replayTopics && bootstrapServers == null) {
            throw new IllegalArgumentException("--replay-topics needs --bootstrap-servers");
        }
        KafkaSettings kafkaSettings = bootstrapServers == null ? null
                : KafkaSettings.defaults(bootstrapServers).withClientProperties(kafkaProperties.load());
        KafkaHistory kafka = kafkaSettings == null ? null : new KafkaHistory(kafkaSettings, kafkaFrom, kafkaTo);
        PrintStream console = System.out;
        ReferenceData reference = district.loadReference();
        checkWindow(reference.zone());
        RuleSetHistory history = district.loadHistory(reference);
        console.printf("Replaying %s with rule set %s over %s (%d grids)%n",
                input != null ? input : "the topics of " + bootstrapServers,
                history.versions().stream().map(rs -> rs.version() + " from " + rs.effectiveFrom())
                        .collect(java.util.stream.Collectors.joining(", ")),
                reference.district().name(), reference.grids().size());
        Instant horizon = until;
        if (horizon == null && emitTo == null && asOf == null && input != null) {
            // an imported export knows when it was taken: open cases past their due time are overdue by then
            horizon = LedgerImport.recordedExportTime(input).orElse(null);
            if (horizon != null) {
                console.println("Horizon: " + local(horizon, reference.zone()) + ", the export time recorded in "
                        + input.resolve(LedgerImport.EXPORT_TIME) + " (--until sets another)");
            }
        }
        ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(input, out, horizon, parallelism, mode,
                new EmissionWindow(emitFrom, emitTo, warmUp), kafka).withAsOf(asOf)
                .withPseudonyms(pseudonymKey.required()), reference, history, console);
        summary.print(console);
        console.println("Outputs in " + out.toAbsolutePath());
        if (reportDay != null) {
            DailyReport.Written report = DailyReport.writeFrom(summary.alerts(), reportDay, out, reference,
                    DayInput.ofArchive(input, reportDay));
            console.println("Daily report: " + report.html() + " and " + report.markdown());
        }
        if (replayTopics) {
            int written = ReplayTopicWriter.write(kafkaSettings, summary.alerts());
            console.printf("Wrote %d alerts to %s<department> and %s (%d records)%n", summary.alerts().size(),
                    ReplayTopicWriter.PREFIX, ReplayTopicWriter.ALL, written);
        }
        return 0;
    }

    private void checkWindow(ZoneId zone) {
        if (emitFrom != null && emitTo != null && !emitFrom.isBefore(emitTo)) {
            throw new IllegalArgumentException(
                    "--emit-from " + local(emitFrom, zone) + " is not before --emit-to " + local(emitTo, zone));
        }
        if (warmUp != null && emitFrom == null) {
            throw new IllegalArgumentException("--warm-up needs --emit-from: it is the history read before it");
        }
        if (until != null && emitFrom != null && until.isBefore(emitFrom)) {
            throw new IllegalArgumentException("--until " + local(until, zone) + " is before --emit-from "
                    + local(emitFrom, zone) + ": no alert could be written");
        }
    }

    private static String local(Instant t, ZoneId zone) {
        return OffsetDateTime.ofInstant(t, zone).toString();
    }

    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "'" + value + "' is not an ISO-8601 time with offset such as 2026-11-20T18:00:00+08:00");
            }
        }
    }

    /** A warm-up in calendar time: working days have no fixed length to read back. */
    static final class WarmUpConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            TimeSpan span;
            try {
                span = TimeSpan.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (span.isWorkingDays()) {
                throw new TypeConversionException("'" + value + "' is in working days; give the warm-up in calendar"
                        + " time, e.g. 45d or 36h");
            }
            return span.toDuration();
        }
    }
}
