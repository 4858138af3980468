package org.gridwarden.bench;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * The real grids and categories of a district, and a made-up set of buildings spread evenly over its grids
 * (the reference data has no building register). Buildings are numbered {@code 0 .. buildings-1}.
 */
record SyntheticDistrict(List<String> gridIds, List<String> hazardCategories, List<String> serviceCategories,
        int buildings) implements Serializable {

    static SyntheticDistrict of(ReferenceData reference, int buildings) {
        List<String> grids = reference.grids().stream().map(GridPlace::grid)
                .map(g -> g.gridId()).sorted().toList();
        List<Category> categories = reference.categories().stream()
                .sorted(Comparator.comparing(Category::code)).toList();
        return new SyntheticDistrict(grids,
                categories.stream().filter(Category::hazard).map(Category::code).toList(),
                categories.stream().filter(c -> !c.hazard()).map(Category::code).toList(),
                buildings);
    }

    String gridOfBuilding(int building) {
        return gridIds.get((int) ((long) building * gridIds.size() / buildings));
    }

    String buildingId(int building) {
        return gridOfBuilding(building) + "-B" + building;
    }

    /** A well-mixed hash (SplitMix64) so that picks look random but every run makes the same ones. */
    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int pick(long seed, int bound) {
        return (int) Math.floorMod(mix(seed), (long) bound);
    }
}
