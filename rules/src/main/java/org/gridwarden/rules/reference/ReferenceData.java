package org.gridwarden.rules.reference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.ArrayList;
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
    /** The grids as {@link #writeReplace} packs them, once: a job serializes the reference with every operator. */
    private transient volatile byte[] packedGrids;

    public ReferenceData(
            District district,
            List<Grid> gridList,
            List<Department> departmentList,
            List<CategoryFamily> familyList,
            List<Category> categoryList,
            List<CalendarYear> calendarYears) {
        this(district, gridList, departmentList, familyList, categoryList,
                new WorkingCalendar(ZoneId.of(district.timeZone()), calendarYears));
    }

    private ReferenceData(
            District district,
            List<Grid> gridList,
            List<Department> departmentList,
            List<CategoryFamily> familyList,
            List<Category> categoryList,
            WorkingCalendar calendar) {
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
        this.calendar = calendar;
        this.supervisionOffice = departmentList.stream().filter(d -> d.tier() == Tier.SUPERVISION).findFirst().orElse(null);
    }

    /**
     * Every operator of a job carries the reference data, and Flink serializes each operator when it builds the
     * job: a city's tens of thousands of grids as Java objects took a sixth of a one-day replay's CPU. They
     * travel packed in one byte array instead, and the maps are rebuilt on arrival.
     */
    private Object writeReplace() throws IOException {
        byte[] packed = packedGrids;
        if (packed == null) {
            packed = packGrids();
            packedGrids = packed;
        }
        return new Packed(district, packed, List.copyOf(departments.values()), List.copyOf(families.values()),
                List.copyOf(categories.values()), calendar);
    }

    private byte[] packGrids() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(grids.size());
            for (GridPlace p : grids.values()) {
                Grid g = p.grid();
                writeText(out, g.gridId());
                writeText(out, g.name());
                writeText(out, g.communityId());
                out.writeInt(g.households());
                writeText(out, g.workerId());
                writeText(out, g.workerName());
            }
        }
        return bytes.toByteArray();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** The serialized form of {@link ReferenceData}: the grids packed, everything else as it is. */
    private record Packed(District district, byte[] grids, List<Department> departments, List<CategoryFamily> families,
            List<Category> categories, WorkingCalendar calendar) implements Serializable {

        /**
         * Every operator's copy of the job arrives with its own copy of the reference data; a task manager
         * decodes one district once and shares it, read-only, between its tasks (it is immutable).
         */
        private static final Map<Object, ReferenceData> DECODED = new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, ReferenceData> eldest) {
                return size() > 4;
            }
        };

        private Object readResolve() throws IOException {
            Object key = List.of(district, ByteBuffer.wrap(grids), departments, families, categories, calendar);
            synchronized (DECODED) {
                ReferenceData known = DECODED.get(key);
                if (known != null) {
                    return known;
                }
            }
            ReferenceData decoded = decode();
            synchronized (DECODED) {
                DECODED.put(key, decoded);
            }
            return decoded;
        }

        private ReferenceData decode() throws IOException {
            List<Grid> gridList = new ArrayList<>();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(grids))) {
                for (int i = in.readInt(); i > 0; i--) {
                    gridList.add(new Grid(readText(in), readText(in), readText(in), in.readInt(), readText(in),
                            readText(in)));
                }
            }
            ReferenceData reference = new ReferenceData(district, gridList, departments, families, categories, calendar);
            reference.packedGrids = grids;
            return reference;
        }
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
