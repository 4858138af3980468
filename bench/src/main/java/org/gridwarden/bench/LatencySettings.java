package org.gridwarden.bench;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * One run of {@link LiveLatencyBench}: production goes on for {@code warmUp + duration + drain}, and the alerts
 * decided during {@code duration} are measured.
 *
 * @param eventsPerSecond input lines produced per second of wall time
 * @param warmUp produced before the measured window; alerts decided in it are read but not measured: the job
 *     starts cold (JIT, Kafka metadata, first checkpoints), falls behind in its first seconds and then works that
 *     backlog off, which took 15 to 30 s at 5,000 lines/s on two shared cores in a fresh JVM, less in a later run
 * @param duration the measured window
 * @param drain production goes on this long after the window, so that event time keeps moving and the live
 *     job keeps its pace, while the window's last alerts are read; an alert of the window not read by then is not
 *     measured, so a maximum close to the drain means the job did not keep up
 * @param delivery the live job's guarantee: {@code AT_LEAST_ONCE}, or {@code EXACTLY_ONCE} (an alert becomes
 *     readable when the checkpoint after it completes)
 * @param checkpointInterval the live job's
 * @param parallelism the live job's; each input topic has as many partitions
 */
public record LatencySettings(int eventsPerSecond, Duration warmUp, Duration duration, Duration drain,
        DeliveryGuarantee delivery, Duration checkpointInterval, int parallelism) {

    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(20);

    public LatencySettings {
        if (eventsPerSecond < 1 || parallelism < 1) {
            throw new IllegalArgumentException("events per second and parallelism must be at least 1, not "
                    + eventsPerSecond + " and " + parallelism);
        }
        if (warmUp.isNegative() || duration.isNegative() || duration.isZero() || drain.isNegative() || checkpointInterval.isNegative()
                || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("the measured duration and the checkpoint interval must be positive, the"
                    + " warm-up and the drain not negative");
        }
        if (delivery != DeliveryGuarantee.AT_LEAST_ONCE && delivery != DeliveryGuarantee.EXACTLY_ONCE) {
            throw new IllegalArgumentException("delivery must be at-least-once or exactly-once, not " + delivery);
        }
    }

    /** With a warm-up of {@link #DEFAULT_WARM_UP} and a drain of 5 s and two checkpoint intervals. */
    public static LatencySettings of(int eventsPerSecond, Duration duration, DeliveryGuarantee delivery,
            Duration checkpointInterval, int parallelism) {
        return new LatencySettings(eventsPerSecond, DEFAULT_WARM_UP, duration,
                Duration.ofSeconds(5).plus(checkpointInterval.multipliedBy(2)), delivery, checkpointInterval, parallelism);
    }

    public LatencySettings withWarmUp(Duration w) {
        return new LatencySettings(eventsPerSecond, w, duration, drain, delivery, checkpointInterval, parallelism);
    }

    /** How long lines are produced. */
    public Duration producing() {
        return warmUp.plus(duration).plus(drain);
    }

    /** How many input lines the run needs at most. */
    int lines() {
        return Math.toIntExact((long) Math.ceil(eventsPerSecond * (producing().toNanos() / 1e9)));
    }
}
