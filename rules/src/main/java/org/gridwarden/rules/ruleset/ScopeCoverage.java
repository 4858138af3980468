package org.gridwarden.rules.ruleset;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * What a rule-set entry's scope covers in a district: its grids and its categories, each null for "any" (which
 * also covers an event without one, e.g. a silent grid has no category). Decided by {@link RuleScope#covers}
 * itself, so it agrees with the rules at run time.
 */
record ScopeCoverage(Set<String> grids, Set<String> categories) {

    static ScopeCoverage of(RuleScope scope, ReferenceData reference) {
        RuleScope where = new RuleScope(scope.streets(), scope.communities(), scope.grids(), null, null);
        RuleScope what = new RuleScope(null, null, null, scope.families(), scope.categories());
        Set<String> grids = where.isEverywhere() ? null : reference.grids().stream()
                .filter(place -> where.covers(place, null)).map(place -> place.grid().gridId())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> categories = what.isEverywhere() ? null : reference.categories().stream()
                .filter(c -> what.covers(null, c)).map(Category::code)
                .collect(Collectors.toCollection(TreeSet::new));
        return new ScopeCoverage(grids, categories);
    }

    boolean coversNoGrid() {
        return grids != null && grids.isEmpty();
    }

    boolean coversNoCategory() {
        return categories != null && categories.isEmpty();
    }

    /** Whether every event this coverage's entry could decide, {@code other}'s would too. */
    boolean includes(ScopeCoverage other) {
        return (grids == null || other.grids != null && grids.containsAll(other.grids))
                && (categories == null || other.categories != null && categories.containsAll(other.categories));
    }
}
