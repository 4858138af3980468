package org.gridwarden.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gridwarden.jobs.ReplayInput;
import org.gridwarden.testkit.kafka.TimedLinePlayer;

/**
 * The first {@code count} recorded input lines of a directory (as {@code gridwarden generate} writes it, plain,
 * gzipped or as a day archive), held in memory in the order they are produced, so that no file is read while
 * the rate is measured. Lines are unchanged, malformed ones included, keyed as the demo's player keys them.
 *
 * <p>The order is the demo's: each stream keeps its recorded order (that is how out-of-order data arrives), a
 * line goes out at the newest event time its stream has reached, its <em>play time</em>, and the two streams are
 * merged on that time, grid reports first on a tie. Play times therefore never decrease, and the first line whose
 * play time is at or after an instant is the first line whose own event time is.
 */
final class RecordedInput {

    private final boolean[] report;
    private final byte[][] keys;
    private final byte[][] values;
    private final long[] playTimes;

    private RecordedInput(int count) {
        report = new boolean[count];
        keys = new byte[count][];
        values = new byte[count][];
        playTimes = new long[count];
    }

    /** Refused, with what is there and what is needed, when the directory holds fewer than {@code count} lines. */
    static RecordedInput read(Path dir, int count) throws IOException {
        ReplayInput files = ReplayInput.in(dir);
        RecordedInput input = new RecordedInput(count);
        try (Stream reports = new Stream(files.gridReports()); Stream ledger = new Stream(files.ledgerEvents())) {
            for (int i = 0; i < count; i++) {
                Stream next = earlier(reports, ledger);
                if (next.peek() == null) {
                    throw new IllegalArgumentException(String.format(
                            "%s holds %,d input lines, fewer than the %,d this run produces; generate more days",
                            dir, i, count));
                }
                input.report[i] = next == reports;
                input.playTimes[i] = next.nextPlayTime();
                TimedLinePlayer.Line line = next.take();
                input.keys[i] = line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8);
                input.values[i] = line.text().getBytes(StandardCharsets.UTF_8);
            }
        }
        return input;
    }

    private static Stream earlier(Stream reports, Stream ledger) {
        if (reports.peek() == null || ledger.peek() == null) {
            return reports.peek() == null ? ledger : reports;
        }
        return reports.nextPlayTime() <= ledger.nextPlayTime() ? reports : ledger;
    }

    int size() {
        return playTimes.length;
    }

    boolean isReport(int i) {
        return report[i];
    }

    byte[] key(int i) {
        return keys[i];
    }

    byte[] value(int i) {
        return values[i];
    }

    /** Index of the first line whose event time is at or after {@code eventTime}; {@link #size()} when none is. */
    int firstAtOrAfter(long eventTime) {
        int low = 0;
        int high = playTimes.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (playTimes[mid] < eventTime) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The non-blank lines of one stream's files, in order, with the event time the stream has reached. */
    private static final class Stream implements AutoCloseable {

        private final Iterator<Path> files;
        private BufferedReader reader;
        private TimedLinePlayer.Line next;
        private long reached = Long.MIN_VALUE;

        Stream(List<Path> files) throws IOException {
            this.files = files.iterator();
            advance();
        }

        TimedLinePlayer.Line peek() {
            return next;
        }

        /** Malformed lines, without a time, go out at the time their stream has reached. */
        long nextPlayTime() {
            Instant t = next.eventTime();
            return t == null ? reached : Math.max(reached, t.toEpochMilli());
        }

        TimedLinePlayer.Line take() throws IOException {
            TimedLinePlayer.Line taken = next;
            reached = nextPlayTime();
            advance();
            return taken;
        }

        private void advance() throws IOException {
            next = null;
            while (next == null) {
                String text = reader == null ? null : reader.readLine();
                if (text == null) {
                    if (!files.hasNext()) {
                        return;
                    }
                    close();
                    reader = open(files.next());
                } else if (!text.isBlank()) {
                    next = TimedLinePlayer.line("", text, 0);
                }
            }
        }

        private static BufferedReader open(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
