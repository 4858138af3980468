package org.gridwarden.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gridwarden.app.cli.CliRun;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridwarden generate}: the sample by default, a city of any size, and wrong arguments refused with exit 2. */
class GenerateCommandTest {

    private static final String REFERENCE = Fixtures.sampleData().resolve("reference").toString();
    private static final String RULES = Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int generate(Object... args) {
        List<Object> all = new ArrayList<>(List.of("generate", "--reference", REFERENCE, "--rules", RULES));
        all.addAll(List.of(args));
        return CliRun.execute(out, err, all.toArray());
    }

    @Test
    void byDefault_theSampleDistrict_asTheGeneratorWritesIt_withoutReferenceData() throws IOException {
        Path cli = dir.resolve("cli");
        assertEquals(0, generate("--days", 3, "--seed", 42, "--out", cli), err.toString());
        Path direct = dir.resolve("direct");
        GenerationSummary written = StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(),
                GeneratorSettings.of(3, 42), direct, line -> {});
        for (String file : List.of(StreamGenerator.GRID_REPORTS, StreamGenerator.LEDGER_EVENTS, StreamGenerator.MANIFEST)) {
            assertArrayEquals(Files.readAllBytes(direct.resolve(file)), Files.readAllBytes(cli.resolve(file)), file);
        }
        assertFalse(Files.exists(cli.resolve(CityReference.DIRECTORY)));
        assertTrue(out.toString().contains("City: 265 grids in 41 communities, 266,525 residents (106,610 households)"),
                out.toString());
        assertTrue(out.toString().contains("Replay it: gridwarden replay --input " + cli + " --out "
                + cli.resolve("replay") + " --rules " + RULES + "\n"), out.toString());

        String horizon = java.time.OffsetDateTime.ofInstant(written.horizon(), Fixtures.reference().zone()).toString();
        assertTrue(horizon.endsWith("+08:00"), horizon);
        assertTrue(out.toString().contains(" overdue at the horizon " + horizon + ";"), "in district time: " + out);
    }

    @Test
    void anotherNumberOfGrids_writesTheCitysReferenceData_andSaysHowToReplayIt() {
        Path city = dir.resolve("city");
        assertEquals(0, generate("--days", 1, "--seed", 7, "--grids", 300, "--out", city), err.toString());
        Path reference = city.resolve(CityReference.DIRECTORY);
        assertEquals(300, ReferenceDataLoader.load(reference).grids().size());
        assertTrue(out.toString().contains("Wrote the reference data of a city of 300 grids to " + reference),
                out.toString());
        assertTrue(out.toString().contains("Replay it: gridwarden replay --input " + city + " --out "
                + city.resolve("replay") + " --reference " + reference + " --rules " + RULES + "\n"), out.toString());
    }

    /** The help lists the presets' rates as the generator has them. */
    @Test
    void theHelpListsEachPresetsRates() {
        assertEquals(0, generate("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        for (CityRates rates : List.of(CityRates.SAMPLE, CityRates.MEGACITY)) {
            String intake = CityRates.INTAKE_CHANNELS.stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT) + " " + rates.casesPerThousandResidents(c))
                    .collect(Collectors.joining(", "));
            assertTrue(help.contains(intake), intake + " in\n" + help);
        }
        assertTrue(help.contains("(sample 1, megacity 2)"), help);
        assertTrue(help.contains("(sample 0.2, megacity 1.0)"), help);
        assertTrue(help.contains("(sample 0.03, megacity 0.1)"), help);
        assertEquals(List.of(1, 2), List.of(CityRates.SAMPLE.patrolRounds(), CityRates.MEGACITY.patrolRounds()));
        assertEquals(List.of(0.2, 1.0), List.of(CityRates.SAMPLE.visitsPerGrid(), CityRates.MEGACITY.visitsPerGrid()));
        assertEquals(List.of(0.03, 0.1), List.of(CityRates.SAMPLE.hazardsPerGrid(), CityRates.MEGACITY.hazardsPerGrid()));
    }

    @Test
    void noGrids_exits2() {
        assertEquals(2, generate("--days", 1, "--seed", 1, "--out", dir, "--grids", 0));
        assertEquals("gridwarden generate: --grids must be at least 1, not 0", err.toString().strip());
    }

    @Test
    void anUnknownCity_exits2() {
        assertEquals(2, generate("--days", 1, "--seed", 1, "--out", dir, "--city", "atlantis"));
        assertTrue(err.toString().startsWith("Invalid value for option '--city': expected one of [SAMPLE, MEGACITY]"
                + " (case-insensitive) but was 'atlantis'"), err.toString());
    }

    @Test
    void aNegativeRateOrTheGridChannel_exits2() {
        assertEquals(2, generate("--days", 1, "--seed", 1, "--out", dir, "--intake", "hotline=-0.5"));
        assertEquals("gridwarden generate: --intake hotline: a rate must be 0 or more, not -0.5",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, generate("--days", 1, "--seed", 1, "--out", dir, "--intake", "grid=1"));
        assertEquals("gridwarden generate: --intake grid: give hotline, app, window, inspection or sensor; GRID cases"
                + " come from the hazards grid workers report (--hazards-per-grid)", err.toString().strip());
    }
}
