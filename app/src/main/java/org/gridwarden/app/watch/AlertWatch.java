package org.gridwarden.app.watch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.gridwarden.connectors.kafka.AlertTopicWatcher;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * {@code gridwarden watch} without the terminal: reads one alert topic {@code read_committed} (so alerts of
 * aborted exactly-once transactions never show) and renders it with an {@link AlertView} on any PrintStream.
 * Closing stops the reader and prints the final counts.
 */
public final class AlertWatch implements AutoCloseable {

    /**
     * @param levels levels to show, empty for all
     * @param fromBeginning every alert still on the topic, else only new ones
     * @param countsEvery print the counts per department after this many alerts
     * @param groupId consumer group whose read positions the watch commits and resumes from, or null
     * @param clientProperties Kafka client settings (security), never printed
     */
    public record Settings(String bootstrapServers, String topic, Set<AlertLevel> levels, boolean fromBeginning,
            boolean color, int countsEvery, String groupId, Map<String, String> clientProperties) {

        public Settings(String bootstrapServers, String topic, Set<AlertLevel> levels, boolean fromBeginning,
                boolean color, int countsEvery) {
            this(bootstrapServers, topic, levels, fromBeginning, color, countsEvery, null, Map.of());
        }

        @Override
        public String toString() {
            return "AlertWatch.Settings[" + bootstrapServers + ", " + topic + ", group " + groupId + "]";
        }
    }

    private final AlertView view;
    private final AlertTopicWatcher watcher;

    private AlertWatch(AlertView view, AlertTopicWatcher watcher) {
        this.view = view;
        this.watcher = watcher;
    }

    public static AlertWatch start(Settings s, ReferenceData reference, PrintStream out) {
        AlertView view = new AlertView(out, reference.zone(), s.levels(), s.color(), s.countsEvery());
        out.printf("gridwarden watch: %s, %s on %s (read_committed, %s), levels: %s, times in %s. Ctrl-C to stop.%n",
                reference.district().name(), s.topic(), s.bootstrapServers(),
                (s.groupId() != null ? "group " + s.groupId() + ", resuming where it stopped, else " : "")
                        + (s.fromBeginning() ? "from the beginning" : "new alerts only"),
                s.levels().isEmpty() ? "all" : s.levels().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                reference.zone());
        out.flush();
        Map<String, String> client = new HashMap<>(s.clientProperties());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        BrokerNotes notes = new BrokerNotes(view, s.bootstrapServers());
        AlertTopicWatcher watcher = new AlertTopicWatcher(client, List.of(s.topic()),
                s.groupId(), s.fromBeginning(), (topic, alert) -> view.accept(alert), notes::reachable);
        notes.watcher = watcher;
        return new AlertWatch(view, watcher);
    }

    /**
     * Says when the broker is lost and when it is back; a broker that does not answer at the start (a wrong
     * address, a broker not yet up) is said to be unreachable, so the screen never just stays empty.
     */
    private static final class BrokerNotes {
        private final AlertView view;
        private final String servers;
        private volatile AlertTopicWatcher watcher;
        private boolean unreachableAtStart;

        BrokerNotes(AlertView view, String servers) {
            this.view = view;
            this.servers = servers;
        }

        void reachable(boolean reachable) {
            if (reachable) {
                view.note(unreachableAtStart
                        ? "broker " + servers + " answers now: alerts follow"
                        : "broker " + servers + " is back: alerts go on from where they stopped");
                unreachableAtStart = false;
            } else if (!positioned()) {
                unreachableAtStart = true;
                view.note("broker " + servers + " unreachable: nothing answers there; waiting for it"
                        + " (check --bootstrap-servers and the network)");
            } else {
                view.note("broker " + servers + " lost: waiting for it to come back");
            }
        }

        /** Whether the watch has ever had its partitions, i.e. the broker answered once. */
        private boolean positioned() {
            try {
                return watcher != null && watcher.awaitPositioned(Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Waits until the reader knows where it starts; alerts sent after that are sure to be shown. */
    public boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return watcher.awaitPositioned(timeout);
    }

    public AlertView view() {
        return view;
    }

    @Override
    public void close() throws InterruptedException {
        watcher.close();
        view.printCounts();
    }
}
