package org.gridwarden.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.file.JsonLinesSource;
import org.gridwarden.connectors.file.LineFileSplit;
import org.gridwarden.rules.ingest.IngestWatermarks;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.IngestRules;

/**
 * The history a bounded run reads (回放输入): the {@code grid-reports*} and {@code ledger-events*} JSON-lines
 * files (plain or .gz) below a directory, each stream read by one source. A directory of day directories
 * ({@code DIR/YYYY-MM-DD/}, 按日归档, named by the district's local date of the events in them) is a day
 * archive, of which only the days asked for are read.
 *
 * @param days the day directories read, in order; empty when the input is not a day archive
 */
public record ReplayInput(List<Path> gridReports, List<Path> ledgerEvents, List<LocalDate> days) {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String GRID_REPORTS = "grid-reports";
    private static final String LEDGER_EVENTS = "ledger-events";

    /** The two input streams, decoded, with event time from each record. */
    public record Streams(DataStream<Ingested> gridReports, DataStream<Ingested> ledgerEvents) {}

    /** Every input file below {@code dir}, in path order; refused when there are none. */
    public static ReplayInput in(Path dir) {
        return in(dir, null, null);
    }

    /**
     * The input files below {@code dir}; of a day archive only the days from {@code firstDay} to
     * {@code lastDay} (both included, either open when null). Refused when there are no files, when a day
     * archive also holds input files outside its days, and when a day inside the archive's span is missing:
     * an absent day would read as a day without a single patrol or complaint.
     */
    public static ReplayInput in(Path dir, LocalDate firstDay, LocalDate lastDay) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        TreeMap<LocalDate, Path> archive = dayDirectories(dir);
        ReplayInput input = archive.isEmpty()
                ? new ReplayInput(files(dir, GRID_REPORTS), files(dir, LEDGER_EVENTS), List.of())
                : days(dir, archive, firstDay, lastDay);
        if (input.gridReports().isEmpty() && input.ledgerEvents().isEmpty()) {
            throw new IllegalArgumentException(
                    dir + ": no grid-reports*.jsonl[.gz] or ledger-events*.jsonl[.gz] files in it");
        }
        return input;
    }

    /**
     * The days read whose files hold no record at all: missing input, not a day without events. Reads the
     * start of each file of those days.
     */
    public List<LocalDate> emptyDays() {
        List<Path> all = Stream.concat(gridReports.stream(), ledgerEvents.stream()).toList();
        return days.stream().filter(day -> all.stream().filter(f -> inDay(f, day))
                .noneMatch(f -> LineFileSplit.hasLines(f.toString()))).toList();
    }

    /** Whether a file lies below the directory of {@code day}: its nearest ancestor named by a date. */
    private static boolean inDay(Path file, LocalDate day) {
        for (Path p = file.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
            if (DAY.matcher(p.getFileName().toString()).matches()) {
                return p.getFileName().toString().equals(day.toString());
            }
        }
        return false;
    }

    /**
     * One source per stream, out of order by at most the allowed lateness.
     *
     * @param asOf when the lines arrived, so that a time too far ahead of it is dead-lettered; null for no such check
     */
    public Streams read(StreamExecutionEnvironment env, ReferenceData reference, IngestRules ingest, Instant asOf) {
        IngestDecoder decoder = new IngestDecoder(reference, ingest);
        WatermarkStrategy<Ingested> watermarks = IngestWatermarks.strategy(ingest.allowedLateness().toDuration());
        Long arrival = asOf == null ? null : asOf.toEpochMilli();
        DataStream<Ingested> reports = env
                .fromSource(new JsonLinesSource(gridReports, IngestDecoder.GRID_REPORTS, decoder, arrival), watermarks,
                        "Grid reports (files)")
                .uid("grid-reports-files");
        DataStream<Ingested> ledger = env
                .fromSource(new JsonLinesSource(ledgerEvents, IngestDecoder.LEDGER_EVENTS, decoder, arrival), watermarks,
                        "Ledger events (files)")
                .uid("ledger-events-files");
        return new Streams(reports, ledger);
    }

    private static ReplayInput days(Path dir, TreeMap<LocalDate, Path> archive, LocalDate firstDay,
            LocalDate lastDay) {
        List<Path> outside = new ArrayList<>(files(dir, GRID_REPORTS));
        outside.addAll(files(dir, LEDGER_EVENTS));
        outside.removeIf(f -> archive.values().stream().anyMatch(f::startsWith));
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException(dir + " is a day archive (" + archive.firstKey() + " to "
                    + archive.lastKey() + ") but also holds input files outside its day directories: "
                    + outside.stream().map(Path::toString).sorted().collect(Collectors.joining(", ")));
        }
        LocalDate from = firstDay == null || firstDay.isBefore(archive.firstKey()) ? archive.firstKey() : firstDay;
        LocalDate to = lastDay == null ? archive.lastKey() : lastDay;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(dir + ": no day directories "
                    + (firstDay == null ? "up to " + lastDay : lastDay == null ? "from " + firstDay + " on"
                            : "from " + firstDay + " to " + lastDay)
                    + "; the archive holds " + archive.firstKey() + " to " + archive.lastKey());
        }
        List<LocalDate> missing = from.datesUntil(to.plusDays(1)).filter(d -> !archive.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no day directory for " + describe(missing) + " (days needed: "
                    + from + " to " + to + "); a missing day would read as a day without events");
        }
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<Path> reports = new ArrayList<>();
        List<Path> ledger = new ArrayList<>();
        for (LocalDate day : days) {
            reports.addAll(files(archive.get(day), GRID_REPORTS));
            ledger.addAll(files(archive.get(day), LEDGER_EVENTS));
        }
        return new ReplayInput(reports, ledger, days);
    }

    private static String describe(List<LocalDate> missing) {
        return missing.size() <= 3 ? missing.stream().map(LocalDate::toString).collect(Collectors.joining(", "))
                : missing.get(0) + ", " + missing.get(1) + " and " + (missing.size() - 2) + " more days";
    }

    /** The subdirectories of {@code dir} named by a date, by date. */
    private static TreeMap<LocalDate, Path> dayDirectories(Path dir) {
        TreeMap<LocalDate, Path> days = new TreeMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).forEach(d -> dayOf(d).ifPresent(day -> days.put(day, d)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    private static Optional<LocalDate> dayOf(Path directory) {
        String name = directory.getFileName().toString();
        if (!DAY.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Path> files(Path dir, String prefix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(prefix) && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
