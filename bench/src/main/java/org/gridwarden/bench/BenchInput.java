package org.gridwarden.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.testkit.generate.CityPreset;
import org.gridwarden.testkit.generate.CityReference;
import org.gridwarden.testkit.generate.ExpectedAlerts;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.Layout;
import org.gridwarden.testkit.generate.StreamGenerator;

/**
 * Generated city days for a benchmark, in one directory: the two streams, the manifest and, for a city of
 * another size than the district's, its reference data. Generated once per directory and reused after, since
 * the same settings give the same bytes.
 *
 * @param lines input lines in both files
 * @param bytes size of both files
 * @param generationSeconds how long generating took, 0 when reused
 */
record BenchInput(Path dir, Path referenceDir, ReferenceData reference, RuleSetHistory history, int days, long lines, long bytes,
        double generationSeconds) {

    static BenchInput prepare(Path dir, CityPreset city, int days, long seed, Path districtReference,
            ReferenceData district, List<Path> rules, PrintStream out) throws IOException {
        int grids = city.grids(district.grids().size());
        Path referenceDir = grids == district.grids().size() ? districtReference : dir.resolve(CityReference.DIRECTORY);
        double seconds = 0;
        if (!Files.exists(dir.resolve(StreamGenerator.MANIFEST))) {
            Files.createDirectories(dir);
            if (!referenceDir.equals(districtReference)) {
                CityReference.write(districtReference, district, grids, referenceDir);
            }
            ReferenceData reference = ReferenceDataLoader.load(referenceDir);
            out.printf("Generating %d %s day(s), %,d grids, seed %d, into %s%n", days, city.name().toLowerCase(),
                    grids, seed, dir);
            long began = System.nanoTime();
            StreamGenerator.generate(reference, RuleSetLoader.loadHistory(rules, reference).latest(),
                    new GeneratorSettings(days, seed, GeneratorSettings.DEFAULT_START, Layout.SINGLE, city.rates(),
                            ExpectedAlerts.INJECTED),
                    dir, line -> out.println("  " + line), line -> out.println("  … " + line));
            seconds = (System.nanoTime() - began) / 1e9;
        } else {
            out.printf("Reusing the input in %s (delete it to generate again)%n", dir);
        }
        ReferenceData reference = ReferenceDataLoader.load(referenceDir);
        long lines = 0;
        long bytes = 0;
        for (Path f : files(dir)) {
            bytes += Files.size(f);
            try (var l = Files.lines(f)) {
                lines += l.count();
            }
        }
        return new BenchInput(dir, referenceDir, reference, RuleSetLoader.loadHistory(rules, reference), days, lines, bytes,
                seconds);
    }

    /** The same input under the same rule sets with only {@code families} switched on (the others left out). */
    BenchInput withOnly(Set<RuleFamily> families) {
        List<RuleSet> versions = history.versions().stream().map(rs -> new RuleSet(rs.version(), rs.effectiveFrom(),
                rs.ingest(), rs.rules().stream().filter(e -> families.contains(e.family())).toList(), rs.risk()))
                .toList();
        return new BenchInput(dir, referenceDir, reference, RuleSetHistory.of(versions), days, lines, bytes,
                generationSeconds);
    }

    static List<Path> files(Path dir) {
        return List.of(dir.resolve(StreamGenerator.GRID_REPORTS), dir.resolve(StreamGenerator.LEDGER_EVENTS));
    }

    /** Midnight after the last generated day, in the city's time zone. */
    Instant end() {
        return GeneratorSettings.DEFAULT_START.plusDays(days).atStartOfDay(reference.zone()).toInstant();
    }

    List<Path> files() {
        return files(dir);
    }

}
