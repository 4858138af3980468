package org.gridwarden.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.util.FileUtils;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.Layout;
import org.gridwarden.testkit.generate.StreamGenerator;

/**
 * 60 generated days of the sample district under the shipped rule set (seed 42), written once per test JVM
 * and shared by the tests that run over them, with one replay of them under the shipped rule set; the same
 * days as a day archive on request.
 */
public final class GeneratedDays {

    /** The input files and the generator's manifest of the alerts due. */
    public record Input(Path dir, GenerationSummary manifest) {}

    private static Path root;
    private static Input sixty;
    private static Path sixtyArchive;
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

    /**
     * The same 60 days (the same records, lines and order) as a day archive, {@code DIR/YYYY-MM-DD/}, with the
     * grid reports of every other day gzipped as an archive keeps older days.
     */
    public static synchronized Path sixtyArchive() throws IOException {
        if (sixtyArchive == null) {
            Path archive = root().resolve("archive");
            GeneratorSettings settings = GeneratorSettings.of(60, 42);
            StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(), new GeneratorSettings(settings.days(),
                    settings.seed(), settings.startDay(), Layout.DAYS), archive, line -> {});
            for (int i = 0; i < settings.days(); i += 2) {
                gzip(archive.resolve(settings.startDay().plusDays(i).toString()).resolve(StreamGenerator.GRID_REPORTS));
            }
            sixtyArchive = archive;
        }
        return sixtyArchive;
    }

    private static void gzip(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        Files.delete(file);
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
