package org.gridwarden.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder between Kafka clients and the in-JVM broker, so a test can take the broker away from
 * its clients and give it back without stopping it: {@link #cutOff()} drops every connection and resets each new
 * one at once, {@link #restore()} forwards again.
 *
 * <p>The port stays bound during an outage: were it released, a client reconnecting to it could be given that
 * very port as its own and connect to itself (TCP self-connect), reading its own requests as answers.
 */
public final class OutageSwitch implements AutoCloseable {

    private final int brokerPort;
    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private boolean cutOff;

    private OutageSwitch(int brokerPort, ServerSocket listener) {
        this.brokerPort = brokerPort;
        this.listener = listener;
        daemon("kafka-outage-switch-" + listener.getLocalPort(), this::acceptUntilClosed);
    }

    /** Opens a forwarder on an ephemeral loopback port; it forwards until cut off. */
    static OutageSwitch open(int brokerPort) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new OutageSwitch(brokerPort, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on a loopback port", e);
        }
    }

    /** The port clients connect to (the broker's advertised port). */
    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every client connection and resets new ones until {@link #restore()}. */
    public synchronized void cutOff() {
        cutOff = true;
        connections.forEach(OutageSwitch::reset);
        connections.clear();
    }

    /** Forwards new connections again. */
    public synchronized void restore() {
        cutOff = false;
    }

    /** Stops forwarding for good and releases the port. */
    @Override
    public void close() {
        cutOff();
        closeQuietly(listener);
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            try {
                forward(listener.accept());
            } catch (IOException closedOrFailed) {
                // the switch was closed, or one connection could not reach the broker
            }
        }
    }

    private void forward(Socket client) throws IOException {
        synchronized (this) {
            if (cutOff) {
                reset(client);
                return;
            }
        }
        Socket broker;
        try {
            broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
        } catch (IOException e) {
            reset(client);
            throw e;
        }
        synchronized (this) {
            if (cutOff) { // cut off while the broker connection was being made
                reset(client);
                reset(broker);
                return;
            }
            client.setTcpNoDelay(true);
            broker.setTcpNoDelay(true);
            connections.add(client);
            connections.add(broker);
        }
        pump(client, broker);
        pump(broker, client);
    }

    private void pump(Socket from, Socket to) {
        daemon("kafka-outage-switch-" + port() + "-" + from.getPort(), () -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException connectionDropped) {
                // either side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                connections.remove(from);
                connections.remove(to);
            }
        });
    }

    /** Closes with a TCP reset, as a vanished host's network answers, rather than an orderly end of stream. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // closing below is all that is left to do
        }
        closeQuietly(socket);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed or broken: either way it is gone
        }
    }
}
