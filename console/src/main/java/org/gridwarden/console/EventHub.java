package org.gridwarden.console;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The browsers that watch the console, each over server-sent events: a snapshot when it connects, then every
 * change as it happens. A browser that loses the stream reconnects by itself and gets a new snapshot, so the
 * page recovers without a reload. One lock orders snapshots and events, so no browser misses one in between.
 */
final class EventHub {

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    /** A browser connected: {@code snapshot} sends it the current state, then it gets every event. */
    synchronized void join(SseClient client, Consumer<SseClient> snapshot) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        snapshot.accept(client);
        clients.add(client);
    }

    /** Sends an event of JSON {@code data} to every browser; one that fails is dropped and will reconnect. */
    synchronized void broadcast(String event, String data) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            client.sendEvent(event, data);
        }
    }

    int watching() {
        return clients.size();
    }
}
