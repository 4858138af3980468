package org.gridwarden.console;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the broker every second whether it is there, and says so when that changes: the page shows a banner
 * while it is away. A reader's poll alone cannot tell, it just returns nothing.
 */
final class BrokerWatch implements AutoCloseable {

    private static final int ASK_MS = 1_500;

    private final Admin admin;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean up;

    BrokerWatch(Properties client, Consumer<Boolean> changed) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ASK_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ASK_MS);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "gridwarden-console-watch");
        this.admin = Admin.create(config);
        this.thread = new Thread(() -> watch(changed), "console-broker-watch");
        thread.setDaemon(true);
        thread.start();
    }

    boolean up() {
        return up;
    }

    private void watch(Consumer<Boolean> changed) {
        while (running) {
            boolean now;
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(ASK_MS)).clusterId()
                        .get(ASK_MS + 500L, TimeUnit.MILLISECONDS);
                now = true;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                now = false;
            }
            if (now != up) {
                up = now;
                changed.accept(now);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        admin.close();
    }
}
