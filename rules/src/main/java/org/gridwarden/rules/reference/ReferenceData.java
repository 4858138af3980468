package org.gridwarden.rules.reference;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwarden.rules.time.WorkingCalendar;

/**
 * The district as the rules see it: streets, communities, grids, departments, the category taxonomy and
 * the working-day calendar. Immutable after loading; shipped to every task with the job.
 */
public final class ReferenceData implements Serializable {

    private static final long serialVersionUID = 1L;

    private final District district;
    private final Map<String, GridPlace> grids = new LinkedHashMap<>();
    private final Map<String, Street> streets = new LinkedHashMap<>();
    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, CategoryFamily> families = new LinkedHashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final WorkingCalendar calendar;
    private final Department supervisionOffice;

    public ReferenceData(
            District district,
            List<Grid> gridList,
            List<Department> departmentList,
            List<CategoryFamily> familyList,
            List<Category> categoryList,
            List<CalendarYear> calendarYears) {
        this.district = district;
        Map<String, Community> communities = new LinkedHashMap<>();
        Map<String, Street> streetOfCommunity = new LinkedHashMap<>();
        for (Street s : district.streets()) {
            streets.put(s.id(), s);
            for (Community c : s.communities()) {
                communities.put(c.id(), c);
                streetOfCommunity.put(c.id(), s);
            }
        }
        departmentList.forEach(d -> departments.put(d.id(), d));
        familyList.forEach(f -> families.put(f.id(), f));
        categoryList.forEach(c -> categories.put(c.code(), c));
        for (Grid g : gridList) {
            grids.put(g.gridId(), new GridPlace(g, communities.get(g.communityId()), streetOfCommunity.get(g.communityId())));
        }
        this.calendar = new WorkingCalendar(ZoneId.of(district.timeZone()), calendarYears);
        this.supervisionOffice = departmentList.stream().filter(d -> d.tier() == Tier.SUPERVISION).findFirst().orElse(null);
    }

    public District district() {
        return district;
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Optional<GridPlace> grid(String gridId) {
        return Optional.ofNullable(gridId == null ? null : grids.get(gridId));
    }

    public Collection<GridPlace> grids() {
        return grids.values();
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    public Collection<Category> categories() {
        return categories.values();
    }

    public Optional<CategoryFamily> family(String id) {
        return Optional.ofNullable(families.get(id));
    }

    public Collection<CategoryFamily> families() {
        return families.values();
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(id == null ? null : departments.get(id));
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    public Collection<Street> streets() {
        return streets.values();
    }

    /** The district supervision office (督查室), the last escalation tier. */
    public Department supervisionOffice() {
        return supervisionOffice;
    }

    /**
     * The department responsible for a category in a grid at a tier: the grid's street office at STREET,
     * the category's district department at DISTRICT, the supervision office at SUPERVISION.
     */
    public Department responsible(Category category, GridPlace place, Tier tier) {
        return switch (tier) {
            case STREET -> departments.get(place.street().department());
            case DISTRICT -> departments.get(category.districtDepartment());
            case SUPERVISION -> supervisionOffice;
        };
    }
}
