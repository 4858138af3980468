package org.gridwarden.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;

/** Prints a line about a running bounded job every few seconds, read from its accumulators; best effort. */
public final class JobProgress implements AutoCloseable {

    /** The line to print, from the job's accumulators so far and the wall time since it started. */
    @FunctionalInterface
    public interface Line {
        String of(Map<String, Object> accumulators, Duration elapsed);
    }

    private final ScheduledExecutorService ticker;

    private JobProgress(ScheduledExecutorService ticker) {
        this.ticker = ticker;
    }

    public static JobProgress start(JobClient job, Instant started, Consumer<String> out, Line line) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                Map<String, Object> acc = job.getAccumulators().get(2, TimeUnit.SECONDS);
                out.accept(line.of(acc, Duration.between(started, Instant.now())));
            } catch (Exception e) {
                // progress is best effort; the job's own result reports failures
            }
        }, 3, 3, TimeUnit.SECONDS);
        return new JobProgress(ticker);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
