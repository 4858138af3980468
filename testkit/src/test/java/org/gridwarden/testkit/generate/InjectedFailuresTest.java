package org.gridwarden.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.FailureMode;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 60 days of the sample district: every rule's failures are injected, and the manifest lists exactly those. */
class InjectedFailuresTest {

    @TempDir
    static Path dir;

    private static StreamGenerator.Run run;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void generateTwoMonths() throws IOException {
        long began = System.nanoTime();
        run = StreamGenerator.run(Fixtures.reference(), Fixtures.ruleSet(), GeneratorSettings.of(60, 42), dir,
                progress::add);
        System.out.printf("60 days in %.1f s: %s%n", (System.nanoTime() - began) / 1e9, progress.get(59));
        run.summary().injectedAlerts().forEach((rule, n) -> System.out.println(rule + " " + n));
    }

    @Test
    void theExpectedAlertsAreExactlyTheInjectedOnes() {
        Map<String, List<String>> expected = run.summary().expectedAlerts();
        for (FailureMode mode : FailureMode.values()) {
            TreeSet<String> accidental = new TreeSet<>(expected.get(mode.name()));
            accidental.removeAll(run.injected().get(mode.name()));
            TreeSet<String> lost = new TreeSet<>(run.injected().get(mode.name()));
            lost.removeAll(expected.get(mode.name()));
            assertEquals(List.of(), List.copyOf(accidental), mode + " raised by accident");
            assertEquals(List.of(), List.copyOf(lost), mode + " injected but not raised");
        }
    }

    @Test
    void theSameSeedGivesTheSameTwoMonthsByteForByte(@TempDir Path again) throws IOException {
        StreamGenerator.run(Fixtures.reference(), Fixtures.ruleSet(), GeneratorSettings.of(60, 42), again, line -> {});
        for (String file : List.of(
                StreamGenerator.GRID_REPORTS, StreamGenerator.LEDGER_EVENTS, StreamGenerator.MANIFEST)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
        }
    }

    @Test
    void everyRuleHasInjectedAlertsAndTheManifestCountsThem() throws IOException {
        GenerationSummary manifest = GeneratedFiles.manifest(dir);
        assertEquals(run.summary(), manifest);
        for (FailureMode mode : FailureMode.values()) {
            int n = manifest.injectedAlerts().get(mode.name());
            assertTrue(n > 0, mode + " injected in 60 days");
            assertEquals(manifest.expectedAlerts().get(mode.name()).size(), n, mode.name());
        }
    }
}
