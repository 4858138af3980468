package org.gridwarden.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwarden.rules.reference.Grid;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import org.gridwarden.rules.ruleset.RuleSetCheck;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.CityReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A city of 600 grids grown from the sample district, as the reference data loader reads it back. */
class CityReferenceTest {

    private static final Path SAMPLE = Fixtures.sampleData().resolve("reference");

    @TempDir
    static Path dir;

    private static ReferenceData city;

    @BeforeAll
    static void growACity() throws IOException {
        CityReference.write(SAMPLE, Fixtures.reference(), 600, dir.resolve("600"));
        city = ReferenceDataLoader.load(dir.resolve("600"));
    }

    @Test
    void theCityHasItsGrids_theSamplesFirst_unchanged() {
        assertEquals(600, city.grids().size());
        Map<String, Grid> grown = grids(city);
        for (GridPlace sample : Fixtures.reference().grids()) {
            GridPlace same = city.grid(sample.grid().gridId()).orElseThrow();
            assertEquals(sample.grid(), same.grid());
            assertEquals(sample.community(), same.community());
            assertEquals(sample.street().id(), same.street().id());
        }
        assertEquals(600, grown.values().stream().map(Grid::workerId).distinct().count(), "one worker per grid");
    }

    @Test
    void newCommunitiesAndGrids_areNamedInTheSamplesStyle_withSixOrSevenGridsOfUsualSize() {
        Set<String> sampleCommunities = Fixtures.reference().grids().stream().map(g -> g.community().id())
                .collect(Collectors.toSet());
        Map<String, List<GridPlace>> added = city.grids().stream()
                .filter(g -> !sampleCommunities.contains(g.community().id()))
                .collect(Collectors.groupingBy(g -> g.community().id()));
        assertEquals(600 - 265, added.values().stream().mapToInt(List::size).sum());
        added.forEach((community, grids) -> {
            assertTrue(community.matches("S0[1-7]C\\d{2,}"), community);
            assertTrue(community.startsWith(grids.get(0).street().id() + "C"), community);
            assertTrue(grids.get(0).community().name().endsWith("社区"), grids.get(0).community().name());
            for (GridPlace g : grids) {
                assertTrue(g.grid().gridId().matches(community + "G0[1-7]"), g.grid().gridId());
                assertTrue(g.grid().name().startsWith(g.community().name() + "第"), g.grid().name());
                assertTrue(g.grid().households() >= 300 && g.grid().households() <= 500, g.toString());
            }
        });
        long fullCommunities = added.values().stream().filter(g -> g.size() == 6 || g.size() == 7).count();
        assertTrue(fullCommunities >= added.size() - 1, "all but the last community have 6 or 7 grids");
        Set<String> streetsGrown = added.values().stream().map(g -> g.get(0).street().id()).collect(Collectors.toSet());
        assertEquals(7, streetsGrown.size(), "every street grows");
    }

    @Test
    void streetsDepartmentsCategoriesAndCalendar_areTheSamples() throws IOException {
        ReferenceData sample = Fixtures.reference();
        assertEquals(streets(sample), streets(city));
        assertEquals(List.copyOf(sample.departments()), List.copyOf(city.departments()));
        assertEquals(List.copyOf(sample.categories()), List.copyOf(city.categories()));
        assertEquals(List.copyOf(sample.families()), List.copyOf(city.families()));
        assertArrayEquals(Files.readAllBytes(SAMPLE.resolve("calendar/2026.yaml")),
                Files.readAllBytes(dir.resolve("600/calendar/2026.yaml")));
    }

    @Test
    void theShippedRuleSetAndTheSampleRuleChange_stillValidate() {
        for (Path file : List.of(Fixtures.projectRoot().resolve("rules/ruleset.yaml"),
                Fixtures.sampleData().resolve("rule-changes/2026.11-2.yaml"))) {
            RuleSetCheck check = RuleSetLoader.check(file, city);
            assertEquals(List.of(), check.problems(), file.toString());
        }
    }

    @Test
    void theSameSizeGivesTheSameFiles_andABiggerCityHoldsTheSmallerOne() throws IOException {
        CityReference.write(SAMPLE, Fixtures.reference(), 600, dir.resolve("600-again"));
        for (String file : List.of("district.yaml", "grids.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("600").resolve(file)),
                    Files.readAllBytes(dir.resolve("600-again").resolve(file)), file);
        }
        CityReference.write(SAMPLE, Fixtures.reference(), 700, dir.resolve("700"));
        Map<String, Grid> bigger = grids(ReferenceDataLoader.load(dir.resolve("700")));
        assertEquals(700, bigger.size());
        grids(city).forEach((id, grid) -> assertEquals(grid, bigger.get(id), id));
    }

    @Test
    void aSmallerCity_isTheSamplesFirstGrids() throws IOException {
        CityReference.write(SAMPLE, Fixtures.reference(), 100, dir.resolve("100"));
        ReferenceData small = ReferenceDataLoader.load(dir.resolve("100"));
        assertEquals(Fixtures.reference().grids().stream().limit(100).map(GridPlace::grid).toList(),
                small.grids().stream().map(GridPlace::grid).toList());
        assertEquals(7, small.streets().size(), "every street stays, so rule sets naming them still apply");
    }

    @Test
    void writingOverTheReferenceDataItGrowsFrom_isRefused() throws IOException {
        Path own = dir.resolve("own");
        CityReference.write(SAMPLE, Fixtures.reference(), 300, own);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CityReference.write(own, ReferenceDataLoader.load(own), 400, own));
        assertEquals(own + " holds the reference data the city is grown from; write the city elsewhere",
                e.getMessage());
    }

    private static Map<String, Grid> grids(ReferenceData reference) {
        return reference.grids().stream().map(GridPlace::grid)
                .collect(Collectors.toMap(Grid::gridId, g -> g));
    }

    /** Each street with its office, whatever its communities. */
    private static List<String> streets(ReferenceData reference) {
        return reference.streets().stream().map(s -> s.id() + " " + s.name() + " " + s.department()).toList();
    }
}
