package org.gridwarden.rules.ruleset;

import java.io.Serializable;
import java.util.List;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;

/**
 * Where and to what a rule-set entry applies (适用范围): streets, communities or grids, and category families
 * or categories. An absent list means "any"; an entry without a scope applies everywhere.
 */
public record RuleScope(
        List<String> streets, List<String> communities, List<String> grids, List<String> families,
        List<String> categories) implements Serializable {

    public static final RuleScope EVERYWHERE = new RuleScope(null, null, null, null, null);

    public boolean isEverywhere() {
        return streets == null && communities == null && grids == null && families == null && categories == null;
    }

    /**
     * Whether an event at {@code place} about {@code category} falls in the scope. A rule that has no
     * category at hand (a silent grid) passes null, which only a scope without a category filter covers.
     */
    public boolean covers(GridPlace place, Category category) {
        boolean where = (streets == null || place != null && streets.contains(place.street().id()))
                && (communities == null || place != null && communities.contains(place.community().id()))
                && (grids == null || place != null && grids.contains(place.grid().gridId()));
        boolean what = (families == null || category != null && families.contains(category.family()))
                && (categories == null || category != null && categories.contains(category.code()));
        return where && what;
    }
}
