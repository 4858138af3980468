package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.jobs.live.LiveJobOptions;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.kafka.EmbeddedKafka;
import org.gridwarden.testkit.kafka.ScenarioTopics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The local Flink cluster of {@code gridwarden run} and {@code demo} is not reachable from the network: its
 * REST API (which cancels jobs, without authentication) and BLOB server listen on loopback only.
 */
class LocalListenersTest {

    @Test
    void aLiveJobStartedAsRunDoesListensOnLoopbackOnly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            ScenarioTopics.createTopics(kafka, KafkaSettings.defaults(kafka.bootstrapServers()), Fixtures.reference());
            Set<InetSocketAddress> before = listeningSockets();

            LiveJobOptions options = new LiveJobOptions();
            new CommandLine(options).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--parallelism", "1",
                    "--reference", Fixtures.sampleData().resolve("reference").toString(),
                    "--rules", Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString(),
                    "--pseudonym-key-file", Fixtures.sampleData().resolve("sample-pseudonym.key").toString());
            LiveJob.Settings settings = options.settings();
            StreamExecutionEnvironment env = LiveJob.environment(settings);
            LiveJob.define(env, settings, Fixtures.reference(), Fixtures.ruleSet(), Clock.systemUTC());
            JobClient job = env.executeAsync("listeners test");
            try {
                awaitRunning(job);
                Set<InetSocketAddress> flink = new HashSet<>(listeningSockets());
                flink.removeAll(before);
                assertFalse(flink.isEmpty(), "the local cluster listens somewhere");
                flink.forEach(s -> assertTrue(s.getAddress().isLoopbackAddress(), "listens on " + s));

                List<InetSocketAddress> rest = flink.stream().filter(LocalListenersTest::answersFlinkRest).toList();
                assertEquals(1, rest.size(), "one REST endpoint among " + flink);
                assertTrue(rest.get(0).getAddress().isLoopbackAddress(), "REST at " + rest.get(0));

                for (InetAddress address : nonLoopbackAddresses()) {
                    for (InetSocketAddress socket : flink) {
                        assertThrows(IOException.class, () -> {
                            try (Socket s = new Socket()) {
                                s.connect(new InetSocketAddress(address, socket.getPort()), 2_000);
                            }
                        }, "port " + socket.getPort() + " reachable on " + address);
                    }
                }
            } finally {
                job.cancel().get();
            }
        }
    }

    @Test
    void flinkPropertiesOpenTheListenersWhereTheOperatorWantsThem() {
        Configuration conf = JobEnvironments.flinkProperties("rest.bind-address: 0.0.0.0\nrest.port: 8081\n");
        assertEquals("0.0.0.0", conf.get(RestOptions.BIND_ADDRESS));
        assertEquals(8081, conf.get(RestOptions.PORT));
        assertThrows(IllegalArgumentException.class, () -> JobEnvironments.flinkProperties("rest.port: [8081"));
    }

    /** The TCP sockets this JVM listens on, from /proc (the kernel's view, whatever the library). */
    private static Set<InetSocketAddress> listeningSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // not a socket of interest
                }
            }
        }
        Set<InetSocketAddress> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) { // after the heading
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    String[] hostPort = f[1].split(":");
                    listening.add(new InetSocketAddress(kernelAddress(hostPort[0]), Integer.parseInt(hostPort[1], 16)));
                }
            }
        }
        return listening;
    }

    /** /proc/net/tcp* print each 32-bit word of an address in host (little-endian) byte order. */
    private static InetAddress kernelAddress(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static boolean answersFlinkRest(InetSocketAddress socket) {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create("http://" + socket.getAddress().getHostAddress()
                    + ":" + socket.getPort() + "/v1/config").toURL().openConnection();
            http.setConnectTimeout(2_000);
            http.setReadTimeout(2_000);
            return http.getResponseCode() == 200
                    && new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("flink-version");
        } catch (IOException notHttp) {
            return false;
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> !a.isLinkLocalAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static void awaitRunning(JobClient job) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (job.getJobStatus().get() != JobStatus.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(JobStatus.RUNNING, job.getJobStatus().get());
    }
}
