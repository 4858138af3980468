package org.gridwarden.connectors.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Whether a Kafka cluster answers, asked before a command starts work on it: a job against a broker that is
 * down would otherwise retry for half a minute and end in a stack trace.
 */
public final class KafkaReachability {

    /** No broker answered: a problem of the address, the network or the broker, not of the program. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private KafkaReachability() {}

    /**
     * Returns when a broker of {@code settings} describes its cluster within {@code timeout}; else throws an
     * {@link Unreachable} whose message is one line for the person who typed the address.
     */
    public static void check(KafkaSettings settings, Duration timeout) {
        int ms = (int) Math.max(1, timeout.toMillis());
        Properties config = new Properties();
        config.putAll(settings.clientConfig());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        String where = "Kafka at " + settings.bootstrapServers();
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unreachable(where + ": no broker answered within " + timeout.toSeconds()
                    + " s; is it running, and are --bootstrap-servers and --kafka-properties right?", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof org.apache.kafka.common.errors.TimeoutException
                    ? "no broker answered within " + timeout.toSeconds() + " s" : cause.getMessage();
            throw new Unreachable(where + ": " + why + "; is it running, and are --bootstrap-servers and"
                    + " --kafka-properties right?", cause);
        } catch (KafkaException e) {
            throw new Unreachable(where + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(where + ": interrupted while connecting", e);
        }
    }
}
