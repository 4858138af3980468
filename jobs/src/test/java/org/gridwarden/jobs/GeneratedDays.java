package org.gridwarden.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.util.FileUtils;
import org.gridwarden.jobs.generate.GenerationSummary;
import org.gridwarden.jobs.generate.GeneratorSettings;
import org.gridwarden.jobs.generate.StreamGenerator;
import org.gridwarden.rules.testing.Fixtures;

/**
 * 60 generated days of the sample district under the shipped rule set (seed 42), written once per test JVM
 * and shared by the tests that run over them, with one replay of them under the shipped rule set.
 */
public final class GeneratedDays {

    /** The input files and the generator's manifest of the alerts due. */
    public record Input(Path dir, GenerationSummary manifest) {}

    private static Path root;
    private static Input sixty;
    private static ReplaySummary shippedReplay;

    private GeneratedDays() {}

    public static synchronized Input sixty() throws IOException {
        if (sixty == null) {
            Path in = root().resolve("in");
            sixty = new Input(in, StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(),
                    GeneratorSettings.of(60, 42), in, line -> {}));
        }
        return sixty;
    }

    /** The replay of the 60 days under the shipped rule set, run in the calling test's MiniCluster. */
    public static synchronized ReplaySummary shippedReplay() throws Exception {
        if (shippedReplay == null) {
            shippedReplay = ReplayJob.run(new ReplayJob.Settings(sixty().dir(), root().resolve("replay"), null, 2),
                    Fixtures.reference(), Fixtures.ruleSet(), System.out);
        }
        return shippedReplay;
    }

    private static Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("gridwarden-generated-days");
            Path dir = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteDirectoryQuietly(dir.toFile())));
        }
        return root;
    }
}
