package org.gridwarden.testkit.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.gridwarden.connectors.codec.ContractJson;
import org.gridwarden.testkit.generate.GenerationSummary.StreamSummary;
import org.gridwarden.testkit.generate.Malformer.Malformed;

/**
 * One stream as JSON lines, written a day at a time in event-time order, into one file or one file per day
 * ({@link Layout}), with the imperfections of real input: a few records a little late, a few exact duplicates, a few broken lines. Late records and
 * duplicates trail the newest event time by at most {@link #MAX_DELAY}, well inside the rule set's allowed
 * lateness, so that none of them may be dead-lettered as LATE; every line is counted.
 */
final class JsonlStream<T> implements Closeable {

    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Duration MIN_DELAY = Duration.ofSeconds(30);
    private static final double DISPLACED = 0.005;
    private static final double DUPLICATED = 0.002;
    private static final double MALFORMED = 0.001;

    private enum Role { RECORD, DUPLICATE, MALFORMED }

    /** A line, its record's event time, and the event time after which it is written (ties keep creation order). */
    private record Line(Role role, Instant time, Instant writeAt, long seq, byte[] text, String kind) {}

    private static final Comparator<Line> WRITE_ORDER =
            Comparator.comparing(Line::writeAt).thenComparingLong(Line::seq);
    private static final int BUFFER = 1 << 20;

    private final Path dir;
    private final Layout layout;
    private final StreamSpec<T> spec;
    private final ContractJson.Lines json;
    private final Malformer malformer;
    private final Dice dice;
    private OutputStream out;
    private final Map<String, Long> byKind = new LinkedHashMap<>();
    private final Map<String, Long> malformed = new LinkedHashMap<>();
    /** Read by the status line while the stream is written. */
    private volatile long lines;
    private long records;
    private long duplicates;
    private long outOfOrder;
    private Instant newest;

    JsonlStream(Path dir, Layout layout, StreamSpec<T> spec, ContractJson json, Malformer malformer, Dice dice)
            throws IOException {
        this.dir = dir;
        this.layout = layout;
        this.spec = spec;
        this.json = json.lines();
        this.malformer = malformer;
        this.dice = dice;
        if (layout == Layout.SINGLE) {
            this.out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(spec.fileName())), BUFFER);
        }
        spec.kinds().forEach(k -> byKind.put(k, 0L));
        for (MalformedKind k : MalformedKind.values()) {
            malformed.put(k.name(), 0L);
        }
    }

    /**
     * Writes one day's records, given in event-time order, each line once its write time has come: a line is
     * never written before a record with an earlier event time, so only the few lines held back are kept.
     */
    void writeDay(LocalDate date, List<T> day) throws IOException {
        if (layout == Layout.DAYS) {
            close();
            Path dayDir = Files.createDirectories(dir.resolve(date.toString()));
            out = new BufferedOutputStream(Files.newOutputStream(dayDir.resolve(spec.fileName())), BUFFER);
        }
        PriorityQueue<Line> held = new PriorityQueue<>(WRITE_ORDER);
        long seq = 0;
        for (T record : day) {
            Instant time = spec.time().apply(record);
            byte[] text = json.write(record);
            Instant writeAt = dice.chance(DISPLACED) ? time.plus(dice.between(MIN_DELAY, MAX_DELAY)) : time;
            held.add(new Line(Role.RECORD, time, writeAt, seq++, text, spec.kind().apply(record)));
            if (dice.chance(MALFORMED)) {
                Malformed broken = malformer.corrupt(new String(text, StandardCharsets.UTF_8), spec);
                held.add(new Line(Role.MALFORMED, time, writeAt, seq++, broken.line().getBytes(StandardCharsets.UTF_8),
                        broken.kind().name()));
            }
            if (dice.chance(DUPLICATED)) {
                Instant again = time.plus(dice.between(Duration.ZERO, MAX_DELAY));
                held.add(new Line(Role.DUPLICATE, time, again.isAfter(writeAt) ? again : writeAt, seq++, text, null));
            }
            // every line still to come is written at or after this record's time, and after these on a tie
            while (!held.isEmpty() && !held.peek().writeAt().isAfter(time)) {
                write(held.poll());
            }
        }
        while (!held.isEmpty()) {
            write(held.poll());
        }
    }

    private void write(Line line) throws IOException {
        out.write(line.text());
        out.write('\n');
        lines++;
        switch (line.role()) {
            case RECORD -> count(line);
            case DUPLICATE -> duplicates++;
            case MALFORMED -> malformed.merge(line.kind(), 1L, Long::sum);
        }
    }

    private void count(Line line) {
        records++;
        byKind.merge(line.kind(), 1L, Long::sum);
        if (newest != null && line.time().isBefore(newest)) {
            outOfOrder++;
        } else {
            newest = line.time();
        }
    }

    long lines() {
        return lines;
    }

    /** The newest event time written, null before the first record. */
    Instant newest() {
        return newest;
    }

    StreamSummary summary() {
        return new StreamSummary(spec.fileName(), lines, records, ordered(byKind), duplicates, outOfOrder,
                ordered(malformed));
    }

    /** A copy that keeps the enum order: the manifest must come out byte for byte the same. */
    private static Map<String, Long> ordered(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
