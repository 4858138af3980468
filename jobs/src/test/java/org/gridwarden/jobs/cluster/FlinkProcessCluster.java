package org.gridwarden.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink 2.2 standalone session cluster as separate JVM processes on this machine, started the way Flink's
 * {@code bin/} scripts start one, but from Maven Central jars (there is no flink-dist there): the memory flags
 * come from {@code BashJavaUtils}, the JobManager is {@code StandaloneSessionClusterEntrypoint}, each
 * TaskManager a {@code TaskManagerRunner}, all with {@code --configDir}. Everything listens on loopback.
 * {@link #close()} kills every process it started (a shutdown hook does too, so no JVM outlives the test).
 */
final class FlinkProcessCluster implements AutoCloseable {

    /** A running TaskManager process and its log file. */
    record TaskManager(String name, Process process, Path log) {}

    private static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String MEMORY_UTILS_MAIN = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z.]+)}");

    /** The module openings Flink's own launch scripts pass on Java 17. */
    private static final List<String> JAVA_17_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path workDir;
    private final Path confDir;
    private final String classpath;
    private final FlinkRest rest;
    private final List<Process> processes = new ArrayList<>();
    private final List<TaskManager> taskManagers = new ArrayList<>();
    private final Thread killOnExit;
    private MemoryFlags taskManagerMemory;

    /** JVM flags and {@code -D} dynamic properties for one kind of process, as BashJavaUtils prints them. */
    private record MemoryFlags(List<String> jvm, List<String> dynamic) {}

    private FlinkProcessCluster(Path workDir, String classpath, int restPort) {
        this.workDir = workDir;
        this.confDir = workDir.resolve("conf");
        this.classpath = classpath;
        this.rest = new FlinkRest(URI.create("http://127.0.0.1:" + restPort));
        this.killOnExit = new Thread(this::killAll, "flink-process-cluster-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Writes the configuration from the templates in {@code templates} (config.yaml with {@code ${...}}
     * placeholders, log4j.properties), starts the JobManager and {@code taskManagers} TaskManagers and waits
     * until they have all registered.
     */
    static FlinkProcessCluster start(Path templates, String classpath, Path workDir, int taskManagers,
            Duration timeout) throws IOException, InterruptedException {
        int restPort = freePort();
        FlinkProcessCluster cluster = new FlinkProcessCluster(workDir, classpath, restPort);
        try {
            cluster.writeConfig(templates, Map.of("rest.port", Integer.toString(restPort),
                    "jobmanager.rpc.port", Integer.toString(freePort()), "work.dir", workDir.toString()));
            MemoryFlags jobManagerMemory = cluster.memoryFlags("GET_JM_RESOURCE_PARAMS");
            cluster.taskManagerMemory = cluster.memoryFlags("GET_TM_RESOURCE_PARAMS");
            cluster.launch("jobmanager", JOB_MANAGER_MAIN, jobManagerMemory);
            await("the JobManager's REST endpoint", timeout, cluster.rest::isUp);
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    FlinkRest rest() {
        return rest;
    }

    TaskManager startTaskManager() throws IOException {
        String name = "taskmanager-" + (taskManagers.size() + 1);
        TaskManager started = new TaskManager(name, launch(name, TASK_MANAGER_MAIN, taskManagerMemory),
                workDir.resolve(name + ".log"));
        taskManagers.add(started);
        return started;
    }

    /** Every TaskManager started so far, in order, killed ones included. */
    List<TaskManager> taskManagers() {
        return List.copyOf(taskManagers);
    }

    /** SIGKILL, as when a machine dies: no shutdown hooks, no goodbye to the JobManager. */
    void kill(TaskManager taskManager) throws InterruptedException {
        taskManager.process().destroyForcibly();
        taskManager.process().waitFor(10, TimeUnit.SECONDS);
    }

    void awaitTaskManagers(int count, Duration timeout) throws InterruptedException {
        await(count + " registered TaskManagers", timeout, () -> rest.overview().taskManagers() == count);
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private void writeConfig(Path templates, Map<String, String> values) throws IOException {
        Files.createDirectories(confDir);
        String template = Files.readString(templates.resolve("config.yaml"));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder config = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + m.group(1) + "} in " + templates);
            }
            m.appendReplacement(config, Matcher.quoteReplacement(value));
        }
        m.appendTail(config);
        Files.writeString(confDir.resolve("config.yaml"), config);
        Files.copy(templates.resolve("log4j.properties"), confDir.resolve("log4j.properties"));
    }

    /** Runs BashJavaUtils as {@code bin/config.sh} does: its last two result lines are JVM flags and -D pairs. */
    private MemoryFlags memoryFlags(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-cp", classpath, MEMORY_UTILS_MAIN, command, "--configDir", confDir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed:\n" + output);
        }
        List<String> results = output.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length()).trim()).toList();
        if (results.size() < 2) {
            throw new IllegalStateException(command + " printed no memory settings:\n" + output);
        }
        return new MemoryFlags(words(results.get(results.size() - 2)), words(results.get(results.size() - 1)));
    }

    private Process launch(String name, String mainClass, MemoryFlags memory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(memory.jvm());
        command.addAll(JAVA_17_OPENS);
        command.add("-Dlog.file=" + workDir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri());
        command.addAll(List.of("-cp", classpath, mainClass, "--configDir", confDir.toString()));
        command.addAll(memory.dynamic());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .start();
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    private void killAll() {
        List<Process> all;
        synchronized (processes) {
            all = List.copyOf(processes);
        }
        all.forEach(Process::destroyForcibly);
        for (Process p : all) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
