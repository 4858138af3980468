package org.gridwarden.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.PreboundSocketFactoryManager;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker running inside this JVM, for the {@code demo} command and for tests.
 *
 * <p>There is no Docker engine where this project is built and demonstrated, so Testcontainers is
 * not an option; and a mocked broker would prove nothing about the parts that matter here
 * (transactions, {@code read_committed} readers, consumer groups). This class therefore boots one
 * genuine KRaft node (broker and controller combined) from Kafka's own server code, in a few seconds,
 * with its data in a fresh temporary directory that {@link #close()} deletes.
 *
 * <p>It is built on {@code org.apache.kafka.common.test.KafkaClusterTestKit}, an internal Kafka test
 * API without compatibility guarantees. This class is the only place in the project that touches it;
 * everything else talks to the broker through {@link #bootstrapServers()} and ordinary clients.
 *
 * <p>Broker settings (any of them can be overridden with {@link #start(Map)} except the listener
 * and node-identity settings):
 * <ul>
 *   <li>both listeners (client and controller) are bound to the loopback address on ephemeral ports
 *       chosen by the operating system; nothing listens on other interfaces and no port is fixed;</li>
 *   <li>internal topics (consumer offsets, transaction state, share-group state) have replication
 *       factor 1, min ISR 1 and a single partition, so they are created quickly on first use;</li>
 *   <li>{@code transaction.max.timeout.ms} is one hour ({@link #MAX_TRANSACTION_TIMEOUT}), so an
 *       exactly-once Flink {@code KafkaSink} with a 15 minute {@code transaction.timeout.ms} (or its
 *       default of one hour) is accepted;</li>
 *   <li>automatic topic creation is <b>off</b>, as it should be in production: a misspelt topic name
 *       fails instead of silently creating a one-partition topic. Create topics with
 *       {@link #createTopics(Collection, int)};</li>
 *   <li>time-based retention is off ({@code log.retention.ms=-1}): replayed records keep their
 *       original, possibly old, timestamps and must not be deleted while the broker runs;</li>
 *   <li>{@code group.initial.rebalance.delay.ms=0}, so consumer groups form without the usual
 *       three-second wait;</li>
 *   <li>the cluster runs at the latest production metadata version with unstable APIs and feature
 *       versions disabled, like a released broker.</li>
 * </ul>
 *
 * <p>{@link #builder()} adds an outage switch ({@link #cutOff()}, {@link #restore()}) for broker-outage tests.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The largest {@code transaction.timeout.ms} a producer may ask this broker for. */
    public static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofHours(1);

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    /** The broker's own user on a SASL listener, its only super user. */
    public static final String BROKER_USER = "broker";

    /** Settings owned by this class: overriding them would break the loopback-only listener set-up. */
    private static final Set<String> RESERVED = Set.of(
            "listeners", "advertised.listeners", "listener.security.protocol.map",
            "inter.broker.listener.name", "controller.listener.names", "controller.quorum.voters",
            "controller.quorum.bootstrap.servers", "process.roles", "node.id", "broker.id",
            "log.dirs", "log.dir", "metadata.log.dir");

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final String bootstrapServers;
    private final Thread cleanupHook;
    private final OutageSwitch outageSwitch;
    private final Map<String, String> brokerClientProperties;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDirectory, String bootstrapServers, Thread cleanupHook,
            OutageSwitch outageSwitch, Map<String, String> brokerClientProperties) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
        this.bootstrapServers = bootstrapServers;
        this.cleanupHook = cleanupHook;
        this.outageSwitch = outageSwitch;
        this.brokerClientProperties = brokerClientProperties;
    }

    /** Starts a broker with the settings described in the class documentation. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    /** A broker with more than the default settings: overrides, an outage switch. */
    public static Builder builder() {
        return new Builder();
    }

    /** What to start; {@link #start()} starts it. */
    public static final class Builder {
        private Map<String, ?> brokerOverrides = Map.of();
        private boolean outageSwitch;
        private Map<String, String> saslUsers = Map.of();

        private Builder() {}

        /** Broker settings applied on top of the defaults (see {@link EmbeddedKafka#start(Map)}). */
        public Builder brokerOverrides(Map<String, ?> overrides) {
            this.brokerOverrides = Objects.requireNonNull(overrides, "overrides");
            return this;
        }

        /**
         * Clients reach the broker through a loopback forwarder (the advertised listener is the forwarder's
         * port), so {@link EmbeddedKafka#cutOff()} and {@link EmbeddedKafka#restore()} can take the broker away
         * from every client and give it back while it keeps running.
         */
        public Builder outageSwitch() {
            this.outageSwitch = true;
            return this;
        }

        /**
         * Clients must authenticate: the client listener speaks SASL_PLAINTEXT with the PLAIN mechanism and knows
         * these users (name to password), and ACLs decide what each may do (KRaft's StandardAuthorizer, nothing
         * allowed without an ACL). The broker itself is the only super user; {@link #brokerClientProperties()}
         * are its client settings, for creating topics and ACLs.
         */
        public Builder saslUsers(Map<String, String> users) {
            if (users.containsKey(BROKER_USER)) {
                throw new IllegalArgumentException("the user name " + BROKER_USER + " is the broker's own");
            }
            this.saslUsers = Map.copyOf(users);
            return this;
        }

        public EmbeddedKafka start() {
            return EmbeddedKafka.start(this);
        }
    }

    /**
     * Drops every client connection and resets new ones, as if the broker's host went away; the broker keeps
     * its data and goes on running.
     *
     * @throws IllegalStateException if the broker was not built with {@link Builder#outageSwitch()}
     */
    public void cutOff() {
        requireOutageSwitch().cutOff();
    }

    /** Lets clients reach the broker again after {@link #cutOff()}. */
    public void restore() {
        requireOutageSwitch().restore();
    }

    private OutageSwitch requireOutageSwitch() {
        if (outageSwitch == null) {
            throw new IllegalStateException("This broker has no outage switch: start it with builder().outageSwitch()");
        }
        return outageSwitch;
    }

    /**
     * Starts a broker with the settings described in the class documentation, then applies
     * {@code brokerOverrides} on top of them (for example {@code auto.create.topics.enable=true}).
     *
     * @throws IllegalArgumentException if an override touches listeners, node identity or data directories
     * @throws IllegalStateException if the broker cannot be started
     */
    public static EmbeddedKafka start(Map<String, ?> brokerOverrides) {
        return builder().brokerOverrides(brokerOverrides).start();
    }

    private static EmbeddedKafka start(Builder wanted) {
        Map<String, ?> brokerOverrides = wanted.brokerOverrides;
        List<String> reserved = brokerOverrides.keySet().stream().filter(RESERVED::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("EmbeddedKafka manages these broker settings itself: " + reserved);
        }

        Path baseDirectory;
        try {
            baseDirectory = Files.createTempDirectory("gridwarden-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for the embedded Kafka broker", e);
        }
        // Only removes files if the JVM exits without close(); the broker itself dies with the JVM.
        Thread cleanupHook = new Thread(() -> deleteQuietly(baseDirectory), "embedded-kafka-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);

        KafkaClusterTestKit cluster = null;
        OutageSwitch outageSwitch = null;
        Map<String, ServerSocketChannel> loopbackSockets = new HashMap<>();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setBaseDirectory(baseDirectory)
                    .build();
            String clientListener = nodes.brokerListenerName().value();
            String controllerListener = nodes.controllerListenerName().value();
            int nodeId = nodes.brokerNodes().firstKey();

            Map<String, Object> config = new LinkedHashMap<>();
            String loopback = InetAddress.getLoopbackAddress().getHostAddress();
            config.put("listeners", clientListener + "://" + loopback + ":0," + controllerListener + "://" + loopback + ":0");
            config.put("auto.create.topics.enable", "false");
            config.put("num.partitions", "1");
            config.put("default.replication.factor", "1");
            config.put("min.insync.replicas", "1");
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "1");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("transaction.state.log.num.partitions", "1");
            config.put("transaction.max.timeout.ms", Long.toString(MAX_TRANSACTION_TIMEOUT.toMillis()));
            config.put("share.coordinator.state.topic.replication.factor", "1");
            config.put("share.coordinator.state.topic.min.isr", "1");
            config.put("share.coordinator.state.topic.num.partitions", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("log.retention.ms", "-1");
            config.put("unstable.api.versions.enable", "false");
            config.put("unstable.feature.versions.enable", "false");
            Map<String, String> brokerClient = Map.of();
            if (!wanted.saslUsers.isEmpty()) {
                String password = UUID.randomUUID().toString();
                config.putAll(saslListeners(clientListener, controllerListener, password, wanted.saslUsers));
                brokerClient = saslClientProperties(BROKER_USER, password);
            }
            config.putAll(brokerOverrides);

            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            config.forEach(builder::setConfigProp);

            loopbackSockets.put(clientListener, openLoopbackSocket());
            loopbackSockets.put(controllerListener, openLoopbackSocket());
            installListenerSockets(builder, nodeId, loopbackSockets);
            int clientPort = loopbackSockets.get(clientListener).socket().getLocalPort();
            int advertisedPort = clientPort;
            if (wanted.outageSwitch) {
                outageSwitch = OutageSwitch.open(clientPort);
                advertisedPort = outageSwitch.port();
                builder.setConfigProp("advertised.listeners", clientListener + "://" + loopback + ":" + advertisedPort);
            }

            cluster = builder.build(); // from here on the cluster owns the sockets and the directory
            loopbackSockets.clear();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();

            if (!cluster.bootstrapServers().endsWith(":" + clientPort)) {
                throw new IllegalStateException("The broker did not take over its loopback socket (port " + clientPort
                        + "), it reports " + cluster.bootstrapServers());
            }
            return new EmbeddedKafka(cluster, baseDirectory, loopback + ":" + advertisedPort, cleanupHook,
                    outageSwitch, brokerClient);
        } catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            loopbackSockets.values().forEach(EmbeddedKafka::closeQuietly);
            if (outageSwitch != null) {
                outageSwitch.close();
            }
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            deleteQuietly(baseDirectory);
            removeHook(cleanupHook);
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The embedded Kafka broker did not start", e);
        }
    }

    /**
     * Client settings ({@code security.protocol}, {@code sasl.*}) of a user of a broker started with
     * {@link Builder#saslUsers(Map)}, as a {@code --kafka-properties} file holds them.
     */
    public static Map<String, String> saslClientProperties(String user, String password) {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username="
                        + jaasQuoted(user) + " password=" + jaasQuoted(password) + ";");
    }

    /** The broker's own client settings: empty without SASL, else those of its super user. */
    public Map<String, String> brokerClientProperties() {
        return brokerClientProperties;
    }

    /**
     * Both listeners speak SASL_PLAINTEXT (PLAIN): the client listener knows the users and the broker, the
     * controller listener only the broker, which talks to itself on both as {@link #BROKER_USER}.
     */
    private static Map<String, Object> saslListeners(String clientListener, String controllerListener,
            String brokerPassword, Map<String, String> users) {
        StringBuilder clientUsers = new StringBuilder();
        users.forEach((user, password) -> clientUsers.append(" user_").append(user).append('=').append(jaasQuoted(password)));
        String broker = "org.apache.kafka.common.security.plain.PlainLoginModule required username=" + BROKER_USER
                + " password=" + jaasQuoted(brokerPassword) + " user_" + BROKER_USER + "=" + jaasQuoted(brokerPassword);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("listener.security.protocol.map", clientListener + ":SASL_PLAINTEXT," + controllerListener + ":SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name." + clientListener.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config", broker + clientUsers + ";");
        config.put("listener.name." + controllerListener.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config", broker + ";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + BROKER_USER);
        config.put("allow.everyone.if.no.acl.found", "false");
        return config;
    }

    private static String jaasQuoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code host:port} of the broker's client listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the named topics with {@code partitions} partitions (replication factor 1) and waits
     * until every partition has a leader. A topic that already exists with the same number of
     * partitions is left as it is.
     *
     * @throws IllegalStateException if a topic exists with another partition count, or creation fails
     */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, Map.of());
    }

    /** As {@link #createTopics(Collection, int)}, compacted: the topic keeps the latest record of each key. */
    public void createCompactedTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private void createTopics(Collection<String> names, int partitions, Map<String, String> configs) {
        Objects.requireNonNull(names, "names");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        Set<String> topics = new LinkedHashSet<>(names);
        if (topics.isEmpty()) {
            return;
        }
        if (closed.get()) {
            throw new IllegalStateException("The embedded Kafka broker is closed");
        }
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = new HashMap<>(brokerClientProperties);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TOPIC_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            List<NewTopic> requests = topics.stream().map(t -> new NewTopic(t, partitions, (short) 1).configs(configs))
                    .toList();
            Map<String, KafkaFuture<Void>> created = admin.createTopics(requests).values();
            for (Map.Entry<String, KafkaFuture<Void>> entry : created.entrySet()) {
                try {
                    entry.getValue().get(remaining(deadline), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics, partitions, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + topics, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topics " + topics + " were not ready within " + TOPIC_TIMEOUT, e);
        }
    }

    /** Stops the broker and deletes its data directory. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (outageSwitch != null) {
            outageSwitch.restore(); // the broker's own connections to itself run through it while it shuts down
        }
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the embedded Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker did not stop cleanly", e);
        } finally {
            if (outageSwitch != null) {
                outageSwitch.close();
            }
            deleteQuietly(baseDirectory);
            removeHook(cleanupHook);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + (closed.get() ? ", closed]" : "]");
    }

    private static void awaitLeaders(Admin admin, Set<String> topics, int partitions, long deadline)
            throws InterruptedException, TimeoutException {
        while (true) {
            Map<String, TopicDescription> described = new HashMap<>();
            boolean visible = true;
            for (Map.Entry<String, KafkaFuture<TopicDescription>> entry
                    : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    described.put(entry.getKey(), entry.getValue().get(remaining(deadline), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new IllegalStateException("Cannot describe topic " + entry.getKey(), e.getCause());
                    }
                    visible = false; // created, but not yet in the broker's metadata
                }
            }
            List<String> wrongSize = new ArrayList<>();
            boolean ready = visible;
            for (TopicDescription topic : described.values()) {
                if (topic.partitions().size() != partitions) {
                    wrongSize.add(topic.name() + " (" + topic.partitions().size() + " partitions)");
                }
                ready &= topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            }
            if (!wrongSize.isEmpty()) {
                throw new IllegalStateException("Topics already exist with a partition count other than "
                        + partitions + ": " + wrongSize);
            }
            if (ready) {
                return;
            }
            if (remaining(deadline) <= 0) {
                throw new TimeoutException("partition leaders not elected");
            }
            Thread.sleep(50);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static ServerSocketChannel openLoopbackSocket() throws IOException {
        // The same steps as Kafka's own server socket factory, but bound to loopback instead of all interfaces.
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.socket().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The test kit binds every listener socket in advance (so that the controller quorum address is
     * known before start-up) and binds it to the wildcard address, whatever the {@code listeners}
     * setting says. Handing it sockets already bound to loopback keeps the broker off the network
     * without a moment where a port is released and re-bound.
     */
    @SuppressWarnings("unchecked")
    private static void installListenerSockets(KafkaClusterTestKit.Builder builder, int nodeId,
                                               Map<String, ServerSocketChannel> socketsByListener) {
        try {
            Field managerField = KafkaClusterTestKit.Builder.class.getDeclaredField("socketFactoryManager");
            managerField.setAccessible(true);
            PreboundSocketFactoryManager manager = (PreboundSocketFactoryManager) managerField.get(builder);
            Field socketsField = PreboundSocketFactoryManager.class.getDeclaredField("sockets");
            socketsField.setAccessible(true);
            synchronized (manager) {
                Map<Integer, Map<String, ServerSocketChannel>> sockets =
                        (Map<Integer, Map<String, ServerSocketChannel>>) socketsField.get(manager);
                sockets.computeIfAbsent(nodeId, id -> new HashMap<>()).putAll(socketsByListener);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This Kafka test kit version is not supported by EmbeddedKafka"
                    + " (cannot bind its listeners to loopback)", e);
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more can be done
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a temporary directory left behind is not worth failing for
        }
    }
}
