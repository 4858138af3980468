package org.gridwarden.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.alert.BeforeHorizon;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.ingest.IngestCounters;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.Ingested;

/**
 * What every bounded run (replay, backtest) does around its copies of the rules: a local environment, the
 * input cut to an event-time window, the alerts after the horizon dropped inside the job, and the results
 * collected on the client with a progress line. In BATCH mode every timer fires at end of input, so without
 * the horizon most alerts of a long history would be deadlines that have not happened yet.
 *
 * <p>Use in this order: {@link #window}, then {@link #upToHorizon} on each alert stream, then {@link #collect}.
 */
public final class BoundedRun {

    private final StreamExecutionEnvironment env;
    private final Instant until;
    private final List<DataStream<Reading>> newest = new ArrayList<>();

    /** @param until the horizon when known before the run, else null: the newest event admitted decides */
    public BoundedRun(RuntimeExecutionMode mode, int parallelism, Instant until) {
        this.env = JobEnvironments.create(JobEnvironments.boundedLocal(mode, parallelism));
        this.until = until;
    }

    public StreamExecutionEnvironment env() {
        return env;
    }

    /**
     * The records of {@code read} in {@code [from, to)} (either end open when null), counted by
     * {@link EventWindow}; without a known horizon, also the newest event time each task lets through.
     */
    public ReplayInput.Streams window(ReplayInput.Streams read, Instant from, Instant to, String uidPrefix) {
        EventWindow window = new EventWindow(from, to);
        DataStream<Ingested> reports = read.gridReports().filter(window)
                .uid(uidPrefix + "window-grid-reports").name("Event-time window (grid reports)");
        DataStream<Ingested> ledger = read.ledgerEvents().filter(window)
                .uid(uidPrefix + "window-ledger-events").name("Event-time window (ledger events)");
        if (until == null) {
            newest.add(newestEventTime(reports, uidPrefix + "newest-grid-report", "grid reports"));
            newest.add(newestEventTime(ledger, uidPrefix + "newest-ledger-event", "ledger events"));
        }
        return new ReplayInput.Streams(reports, ledger);
    }

    private static DataStream<Reading> newestEventTime(DataStream<Ingested> in, String uid,
            String what) {
        return in.transform("Newest event time (" + what + ")", TypeInformation.of(Reading.class),
                new NewestEventTime(uid)).uid(uid);
    }

    /**
     * The workflow's alerts without those after the horizon, dropped and counted inside the job. With a horizon
     * given, each family's alerts are cut right where they are raised, before they meet: a run raises every
     * deadline left at the end of its input, and most of those alerts, texts and all, would otherwise cross
     * the network only to be dropped.
     */
    public DataStream<Alert> upToHorizon(AlertWorkflow.Outputs outputs, String uid) {
        if (until == null) {
            return upToHorizon(outputs.alerts(), uid);
        }
        List<DataStream<Alert>> cut = new ArrayList<>();
        for (DataStream<Alert> family : outputs.familyAlerts()) {
            cut.add(family.filter(new AlertsBeforeHorizon(until)).uid(uid + "-" + cut.size())
                    .name("Alerts up to the horizon"));
        }
        return RuleStreams.union(cut);
    }

    /** {@code alerts} without those after the horizon, dropped and counted inside the job. */
    public DataStream<Alert> upToHorizon(DataStream<Alert> alerts, String uid) {
        if (until != null) {
            return alerts.filter(new AlertsBeforeHorizon(until)).uid(uid).name("Alerts up to the horizon");
        }
        NewestEventBound.Feed feed = newestEvent();
        if (feed == null) {
            throw new IllegalStateException("window the input before cutting the alerts at its newest event");
        }
        return alerts.connect(feed.broadcast()).process(new AlertsBeforeNewestEvent(feed.readers())).uid(uid)
                .name("Alerts up to the newest event");
    }

    /**
     * Without a known horizon, the newest event time of every windowed input's tasks, for the operators that
     * stop raising alerts after it; null when the horizon is known or the input not windowed yet.
     */
    public NewestEventBound.Feed newestEvent() {
        if (newest.isEmpty()) {
            return null;
        }
        DataStream<Reading> readings = newest.get(0);
        for (DataStream<Reading> more : newest.subList(1, newest.size())) {
            readings = readings.union(more);
        }
        return new NewestEventBound.Feed(readings, newest.size());
    }

    /**
     * Runs the job, handing each collected record to {@code each} while a progress line goes to
     * {@code progress} every few seconds.
     *
     * @param isAlert which collected records are alerts, for the progress line
     */
    public <T> Finished collect(DataStream<T> results, String jobName, ZoneId zone, Consumer<String> progress,
            Predicate<T> isAlert, Consumer<T> each) throws Exception {
        Instant started = Instant.now();
        AtomicLong alertsSoFar = new AtomicLong();
        CloseableIterator<T> collected = results.collectAsync();
        JobClient job = env.executeAsync(jobName);
        try (collected; JobProgress ticker = JobProgress.start(job, started, progress, progress(zone, alertsSoFar))) {
            while (collected.hasNext()) {
                T r = collected.next();
                if (isAlert.test(r)) {
                    alertsSoFar.incrementAndGet();
                }
                each.accept(r);
            }
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        return new Finished(result, horizon(until, result), alertsSoFar.get(),
                Duration.between(started, Instant.now()));
    }

    /**
     * A finished run.
     *
     * @param horizon {@code until} when given, else the newest event time admitted (a record dated too far ahead
     *     is dead-lettered FUTURE, so it never sets the horizon); {@link Instant#MIN} when none was. No alert
     *     after it has happened yet.
     * @param alertsCollected alerts that reached the client, before {@link #upToHorizon(List)}
     * @param took wall time from submitting the job to its last result
     */
    public record Finished(JobExecutionResult result, Instant horizon, long alertsCollected, Duration took) {

        /**
         * The alerts up to the horizon: the client's last cut, exact where the job's is a bound (a
         * conflicting version newer than every admitted record).
         */
        public List<Alert> upToHorizon(List<Alert> alerts) {
            BeforeHorizon beforeHorizon = new BeforeHorizon(horizon);
            return alerts.stream().filter(beforeHorizon::filter).toList();
        }

        /** Alerts dropped inside the job for a time after the horizon. */
        public long alertsDroppedInJob() {
            return counter(AlertsBeforeHorizon.AFTER_HORIZON);
        }

        public long counter(String name) {
            Long v = result.getAccumulatorResult(name);
            return v == null ? 0 : v;
        }
    }

    static Instant horizon(Instant until, JobExecutionResult result) {
        Long latest = result.getAccumulatorResult(IngestCounters.LATEST_EVENT_TIME);
        return until != null ? until
                : latest == null || latest == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(latest);
    }

    /**
     * The progress line of a running bounded job, naming its phase: "reading" while the count of records read
     * grows; once it stands still, the rules are firing the timers due at the end of input (BATCH mode holds
     * every timer until then), which on a long history takes a while of its own.
     */
    public static JobProgress.Line progress(ZoneId zone, AtomicLong alertsSoFar) {
        AtomicLong readBefore = new AtomicLong(-1);
        return (acc, elapsed) -> {
            long read = (Long) acc.getOrDefault(EventWindow.READ, 0L);
            Object newest = acc.get(EventWindow.NEWEST_READ);
            String position = newest instanceof Long t && t != Long.MIN_VALUE
                    ? " up to " + OffsetDateTime.ofInstant(Instant.ofEpochMilli(t), zone) : "";
            String alerts = Plural.of(alertsSoFar.get(), "alert") + " so far, " + elapsed.toSeconds() + " s";
            if (read > 0 && read == readBefore.getAndSet(read)) {
                return "  firing end-of-input timers: " + Plural.of(read, "record") + " read" + position + ", "
                        + alerts;
            }
            return "  reading: " + Plural.of(read, "record") + position + ", " + alerts;
        };
    }
}
