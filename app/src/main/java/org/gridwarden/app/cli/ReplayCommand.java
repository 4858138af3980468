package org.gridwarden.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.gridwarden.connectors.kafka.KafkaReachability;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.connectors.kafka.ReplayTopicWriter;
import org.gridwarden.jobs.EmissionWindow;
import org.gridwarden.jobs.KafkaHistory;
import org.gridwarden.jobs.Plural;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.jobs.ReplaySummary;
import org.gridwarden.importer.LedgerImport;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.jobs.options.KafkaPropertiesOption;
import org.gridwarden.jobs.options.PseudonymKeyOption;
import org.gridwarden.report.DailyReport;
import org.gridwarden.report.DayInput;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the rules over JSON-lines history (grid-reports*.jsonl, ledger-events*.jsonl, or .gz;"
                + " or a day archive DIR/YYYY-MM-DD/) in event time and write alerts/<department>.jsonl,"
                + " alerts/all.jsonl, dlq.jsonl and summary.txt. Times are a date (2026-11-30), a district time"
                + " (2026-11-30T18:00, in the reference data's time zone) or a time with offset; a date begins a"
                + " period at its start and ends one at its end.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:done",
            "1:an unexpected failure (a bug: its trace is printed)",
            "2:wrong arguments, unreadable files, a day missing from the archive; or input with no records, or"
                    + " a day whose files are empty (the outputs are written and the summary says which)"})
final class ReplayCommand implements Callable<Integer> {

    /** The summary printed at the end, also written into --out for the nightly job's records. */
    static final String SUMMARY = "summary.txt";

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR",
            description = "Directory of input files, or a day archive (DIR/YYYY-MM-DD/, the district's local days).")
    Path input;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Replay the live job's input topics instead of files (committed records only).")
    String bootstrapServers;

    @Option(names = "--from", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "With --bootstrap-servers: the first records by their Kafka timestamp (a date: from its"
                    + " start). Default: the earliest.")
    DistrictTime kafkaFrom;

    @Option(names = "--to", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "With --bootstrap-servers: records before this Kafka timestamp (a date: up to its end)."
                    + " Default: the latest at start.")
    DistrictTime kafkaTo;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the outputs.")
    Path out;

    @Option(names = "--until", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "Replay horizon: no alert after it. A date (2026-11-20: its end, the next midnight), a"
                    + " district time (2026-11-20T18:00) or a time with offset (2026-11-20T18:00:00+08:00)."
                    + " Default: --emit-to, else the export time `gridwarden import` recorded in --input (unless"
                    + " --as-of is given), else the newest event.")
    DistrictTime until;

    @Option(names = "--as-of", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "When the input files arrived, e.g. 2026-11-20T18:00 (a date: its end): a record dated more than"
                    + " the rule set's ingest.futureTolerance after it is dead-lettered FUTURE, as live. Default: no"
                    + " such check for files (Kafka records are checked against their timestamps).")
    DistrictTime asOf;

    @Option(names = "--emit-from", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "Write only alerts whose event time is at or after this, e.g. 2026-12-17 (from the start"
                    + " of that day in district time); the rules read the warm-up before it first. Default: all.")
    DistrictTime emitFrom;

    @Option(names = "--emit-to", paramLabel = "TIME", converter = DistrictTime.Converter.class,
            description = "Write only alerts whose event time is before this (a date: up to its end, so"
                    + " --emit-from D --emit-to D is the day D). No event from it on is read; the history up to it"
                    + " is taken as complete, so it is the horizon unless --until is earlier. Default: up to the"
                    + " horizon.")
    DistrictTime emitTo;

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
        if (input != null && !Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + ": not a directory");
        }
        if (input != null && (kafkaFrom != null || kafkaTo != null)) {
            throw new IllegalArgumentException("--from and --to bound the Kafka topics; for files use --emit-from"
                    + " and --emit-to");
        }
        if (asOf != null && input == null) {
            throw new IllegalArgumentException("--as-of is for files; Kafka records carry their own arrival time");
        }
        if (replayTopics && bootstrapServers == null) {
            throw new IllegalArgumentException("--replay-topics needs --bootstrap-servers");
        }
        PrintStream console = ConsoleStream.of(spec.commandLine().getOut());
        ReferenceData reference = district.loadReference();
        ZoneId zone = reference.zone();
        Times t = new Times(DistrictTime.start(kafkaFrom, zone), DistrictTime.end(kafkaTo, zone),
                DistrictTime.end(until, zone), DistrictTime.end(asOf, zone), DistrictTime.start(emitFrom, zone),
                DistrictTime.end(emitTo, zone));
        checkWindow(t, zone);
        KafkaSettings kafkaSettings = bootstrapServers == null ? null
                : KafkaSettings.defaults(bootstrapServers).withClientProperties(kafkaProperties.load());
        if (kafkaSettings != null) {
            KafkaReachability.check(kafkaSettings, RunCommand.CONNECT_TIMEOUT);
        }
        KafkaHistory kafka = kafkaSettings == null ? null : new KafkaHistory(kafkaSettings, t.kafkaFrom(), t.kafkaTo());
        RuleSetHistory history = district.loadHistory(reference);
        console.printf("Replaying %s with rule set %s over %s (%d grids)%n",
                input != null ? input : "the topics of " + bootstrapServers,
                history.versions().stream().map(rs -> rs.version() + " from " + local(rs.effectiveFrom(), zone))
                        .collect(java.util.stream.Collectors.joining(", ")),
                reference.district().name(), reference.grids().size());
        Instant horizon = t.until();
        if (horizon == null && t.emitTo() == null && t.asOf() == null && input != null) {
            // an imported export knows when it was taken: open cases past their due time are overdue by then
            horizon = LedgerImport.recordedExportTime(input).orElse(null);
            if (horizon != null) {
                console.println("Horizon: " + local(horizon, zone) + ", the export time recorded in "
                        + input.resolve(LedgerImport.EXPORT_TIME) + " (--until sets another)");
            }
        }
        ReplaySummary summary = ReplayJob.run(new ReplayJob.Settings(input, out, horizon, parallelism, mode,
                new EmissionWindow(t.emitFrom(), t.emitTo(), warmUp), kafka).withAsOf(t.asOf())
                .withPseudonyms(pseudonymKey.required()), reference, history, console);
        String printed = printed(summary);
        console.print(printed);
        Files.writeString(out.resolve(SUMMARY), printed, StandardCharsets.UTF_8);
        console.println("Outputs in " + out.toAbsolutePath() + " (the summary in " + SUMMARY + ")");
        if (reportDay != null) {
            DailyReport.Written report = DailyReport.writeFrom(summary.alerts(), reportDay, out, reference,
                    DayInput.ofArchive(input, reportDay));
            console.println("Daily report: " + report.html() + " and " + report.markdown());
        }
        if (replayTopics) {
            int written = ReplayTopicWriter.write(kafkaSettings, summary.alerts());
            console.printf("Wrote %s to %s<department> and %s (%d records)%n", Plural.of(summary.alerts().size(), "alert"),
                    ReplayTopicWriter.PREFIX, ReplayTopicWriter.ALL, written);
        }
        // missing input must not pass for a quiet day, in a nightly job least of all
        return summary.warnings().isEmpty() ? 0 : GridwardenCli.USAGE;
    }

    private static String printed(ReplaySummary summary) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream to = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            summary.print(to);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The time options resolved in the district's zone. */
    private record Times(Instant kafkaFrom, Instant kafkaTo, Instant until, Instant asOf, Instant emitFrom,
            Instant emitTo) {}

    private void checkWindow(Times t, ZoneId zone) {
        if (t.kafkaFrom() != null && t.kafkaTo() != null && !t.kafkaFrom().isBefore(t.kafkaTo())) {
            throw new IllegalArgumentException("--from " + local(t.kafkaFrom(), zone) + " is not before --to "
                    + local(t.kafkaTo(), zone));
        }
        if (t.emitFrom() != null && t.emitTo() != null && !t.emitFrom().isBefore(t.emitTo())) {
            throw new IllegalArgumentException(
                    "--emit-from " + local(t.emitFrom(), zone) + " is not before --emit-to " + local(t.emitTo(), zone));
        }
        if (warmUp != null && t.emitFrom() == null) {
            throw new IllegalArgumentException("--warm-up needs --emit-from: it is the history read before it");
        }
        if (t.until() != null && t.emitFrom() != null && t.until().isBefore(t.emitFrom())) {
            throw new IllegalArgumentException("--until " + local(t.until(), zone) + " is before --emit-from "
                    + local(t.emitFrom(), zone) + ": no alert could be written");
        }
    }

    private static String local(Instant t, ZoneId zone) {
        return DistrictTime.local(t, zone);
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
