package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.app.cli.ProcessLog;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's logging (app/src/main/resources/log4j2.properties): one file per process, named by its
 * command, so two commands side by side neither share nor wipe a log; Flink's harmless warnings dropped.
 */
class ProcessLogTest {

    private static final Path CONFIG = Fixtures.projectRoot().resolve("app/src/main/resources/log4j2.properties");

    @TempDir
    Path logs;

    @Test
    void theFileIsNamedByCommandStartAndProcess() {
        LocalDateTime started = LocalDateTime.of(2026, 12, 5, 8, 45, 12);
        assertEquals("gridwarden-replay-20261205-084512-4242",
                ProcessLog.name(new String[] {"replay", "--input", "/data/archive"}, started, 4242));
        assertEquals("gridwarden-rules-deploy-20261205-084512-7",
                ProcessLog.name(new String[] {"rules", "deploy", "rules/ruleset.yaml", "--timeout-seconds", "10"},
                        started, 7));
        assertEquals("gridwarden-20261205-084512-7", ProcessLog.name(new String[] {"--version"}, started, 7));
        assertEquals("gridwarden-etcpasswd-20261205-084512-7",
                ProcessLog.name(new String[] {"../etc/passwd"}, started, 7));
    }

    @Test
    void twoCommandsAtOnce_writeTwoFiles() throws Exception {
        String ruleSet = Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString();
        String reference = Fixtures.sampleData().resolve("reference").toString();
        Process validate = gridwarden("rules", "validate", ruleSet, "--reference", reference);
        Process diff = gridwarden("rules", "diff", ruleSet, ruleSet, "--reference", reference);
        assertEquals(0, validate.waitFor(), new String(validate.getInputStream().readAllBytes()));
        assertEquals(0, diff.waitFor(), new String(diff.getInputStream().readAllBytes()));

        List<Path> files;
        try (Stream<Path> list = Files.list(logs)) {
            files = list.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("gridwarden-rules-diff-\\d{8}-\\d{6}-\\d+\\.log"),
                files.toString());
        assertTrue(files.get(1).getFileName().toString().matches("gridwarden-rules-validate-\\d{8}-\\d{6}-\\d+\\.log"),
                files.toString());
        assertTrue(Files.readString(files.get(0)).contains("gridwarden rules-diff started"));
        assertTrue(Files.readString(files.get(1)).contains("gridwarden rules-validate started"));
    }

    @Test
    void flinksHarmlessWarnings_areDropped_andOthersOfTheirLoggersKept() throws IOException {
        String dir = System.getProperty("gridwarden.log.dir");
        String name = System.getProperty(ProcessLog.NAME_PROPERTY);
        System.setProperty("gridwarden.log.dir", logs.toString());
        System.setProperty(ProcessLog.NAME_PROPERTY, "probe");
        LoggerContext context = new LoggerContext("probe", null, CONFIG.toUri());
        try {
            context.start();
            Logger metrics = context.getLogger("org.apache.flink.metrics.MetricGroup");
            metrics.warn("Name collision: Group already contains a Metric with the name 'numRecordsIn'."
                    + " Metric will not be reported.[localhost, taskmanager, Alerts]");
            metrics.warn("Error while registering metric: numRecordsIn.");
            Logger fetcher = context.getLogger(
                    "org.apache.flink.streaming.api.operators.collect.CollectResultFetcher");
            fetcher.warn("Failed to get job status so we assume that the job has terminated. Some data might be lost.");
            fetcher.warn("An exception occurred when fetching query results");
            context.getLogger("org.apache.flink.runtime.Other").warn("Name collision elsewhere is kept");
        } finally {
            context.stop();
            restore("gridwarden.log.dir", dir);
            restore(ProcessLog.NAME_PROPERTY, name);
        }
        String log = Files.readString(logs.resolve("probe.log"));
        assertFalse(log.contains("Name collision: Group"), log);
        assertFalse(log.contains("Some data might be lost"), log);
        assertTrue(log.contains("Error while registering metric"), log);
        assertTrue(log.contains("An exception occurred when fetching query results"), log);
        assertTrue(log.contains("Name collision elsewhere is kept"), log);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** The command line in a process of its own, logging as bin/gridwarden sets it up. */
    private Process gridwarden(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + CONFIG,
                "-Dgridwarden.log.dir=" + logs,
                GridwardenCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
