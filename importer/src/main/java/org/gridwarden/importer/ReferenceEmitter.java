package org.gridwarden.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gridwarden.importer.ImportMapping.ReferenceNames;
import org.gridwarden.importer.ImportSummary.EmittedReference;
import org.gridwarden.rules.reference.CalendarYear;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.CategoryFamily;
import org.gridwarden.rules.reference.Community;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.District;
import org.gridwarden.rules.reference.Grid;
import org.gridwarden.rules.reference.Street;
import org.gridwarden.rules.reference.Tier;

/**
 * The reference data (基础数据) an imported ledger needs, made from the same cases, in the files
 * {@link org.gridwarden.rules.reference.ReferenceDataLoader} reads:
 * <ul>
 *   <li>{@code district.yaml}: the mapping's district and time zone, with one street and one community that
 *       hold every grid, since an export names areas, not a street hierarchy;</li>
 *   <li>{@code grids.csv}: one grid per area; households and grid worker are unknown (0 and blank);</li>
 *   <li>{@code departments.yaml}: the mapping's office (STREET), one department per agency (DISTRICT) and the
 *       supervision (SUPERVISION), each with its alert topic {@code alerts.<id>};</li>
 *   <li>{@code categories.yaml}: one category per request type, named as the export writes it (in both name
 *       and nameEn: an export gives one language; its Chinese name can be written in later), of time-limit
 *       class {@value #TIME_LIMIT_CLASS},
 *       first handled by the DISTRICT tier, its district department the agency that handled most of its cases;
 *       none is a hazard, since an export does not say;</li>
 *   <li>{@code calendar/<year>.yaml} for every year from the earliest to the latest time of the cases, without
 *       public holidays: working days are Monday to Friday. The city's holidays can be added to these files;
 *       a rule set that counts nothing in working days (wd) does not need them.</li>
 * </ul>
 */
final class ReferenceEmitter {

    /** The one time-limit class of imported categories: every imported case carries its own due time. */
    static final String TIME_LIMIT_CLASS = "STANDARD";

    private record CategoriesFile(List<CategoryFamily> families, List<Category> categories) {}

    private record DepartmentsFile(List<Department> departments) {}

    private final Map<String, String> grids = new TreeMap<>();
    private final Map<String, String> familyNames = new TreeMap<>();
    private final Map<String, String> departments = new TreeMap<>();
    private final Map<String, String> categories = new TreeMap<>();
    private final Map<String, Map<String, Integer>> casesByCategoryAndDepartment = new HashMap<>();
    private Instant earliest;
    private Instant latest;

    /** Takes note of what a case refers to; the first name seen for an id is the one kept. */
    void add(LedgerCase c) {
        grids.putIfAbsent(c.grid().id(), c.grid().name());
        departments.putIfAbsent(c.department().id(), c.department().name());
        categories.putIfAbsent(c.category().id(), c.category().name());
        if (c.familyName() != null) {
            familyNames.putIfAbsent(family(c.category().id()), c.familyName());
        }
        casesByCategoryAndDepartment.computeIfAbsent(c.category().id(), k -> new TreeMap<>())
                .merge(c.department().id(), 1, Integer::sum);
        Stream.of(c.createdAt(), c.dueAt(), c.closedAt()).filter(t -> t != null).forEach(t -> {
            earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            latest = latest == null || t.isAfter(latest) ? t : latest;
        });
    }

    EmittedReference write(Path dir, ReferenceNames names, ZoneId zone, String header) throws IOException {
        Named district = names.district();
        for (Named own : List.of(names.office(), names.supervision())) {
            if (departments.containsKey(own.id())) {
                throw new IllegalArgumentException("the agency '" + departments.get(own.id()) + "' becomes the"
                        + " department " + own.id() + ", which the mapping's reference section gives to '"
                        + own.name() + "'; give that one another id");
            }
        }
        Files.createDirectories(dir.resolve("calendar"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
                .registerModule(new JavaTimeModule());

        Street street = new Street(district.id(), district.name(), district.name(), names.office().id(),
                List.of(new Community(district.id(), district.name(), district.name())));
        write(dir.resolve("district.yaml"), header + "# One street and one community hold every grid: the export"
                + " names areas, not streets.\n", yaml.writeValueAsString(new District(district.id(), district.name(),
                        district.name(), zone.getId(), List.of(street))));

        List<Grid> gridList = grids.entrySet().stream()
                .map(g -> new Grid(g.getKey(), g.getValue(), district.id(), 0, "", "")).toList();
        CsvMapper csv = new CsvMapper();
        CsvSchema gridColumns = CsvSchema.builder().addColumn("gridId").addColumn("name").addColumn("communityId")
                .addColumn("households").addColumn("workerId").addColumn("workerName").build().withHeader();
        Files.writeString(dir.resolve("grids.csv"), csv.writer(gridColumns).writeValueAsString(gridList),
                StandardCharsets.UTF_8);

        List<Department> departmentList = new ArrayList<>();
        departmentList.add(department(names.office(), Tier.STREET));
        departments.forEach((id, name) -> departmentList.add(department(new Named(id, name), Tier.DISTRICT)));
        departmentList.add(department(names.supervision(), Tier.SUPERVISION));
        write(dir.resolve("departments.yaml"), header, yaml.writeValueAsString(new DepartmentsFile(departmentList)));

        List<Category> categoryList = new ArrayList<>();
        Map<String, CategoryFamily> families = new TreeMap<>();
        categories.forEach((code, type) -> {
            String family = family(code);
            String name = familyNames.getOrDefault(family, readable(family));
            families.putIfAbsent(family, new CategoryFamily(family, name, name));
            categoryList.add(new Category(code, family, type, type, false, TIME_LIMIT_CLASS, Tier.DISTRICT,
                    mostCases(casesByCategoryAndDepartment.get(code))));
        });
        write(dir.resolve("categories.yaml"), header, yaml.writeValueAsString(
                new CategoriesFile(List.copyOf(families.values()), categoryList)));

        int firstYear = earliest == null ? 0 : earliest.atZone(zone).getYear();
        int lastYear = latest == null ? -1 : latest.atZone(zone).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            write(dir.resolve("calendar").resolve(year + ".yaml"), "# " + year + ": no public holidays listed, so"
                    + " the working days are Monday to Friday.\n# Add the city's holidays (name, nameEn, from, to,"
                    + " makeUpWorkdays) before a rule set counts working days (wd).\n",
                    yaml.writeValueAsString(new CalendarYear(year, List.of())));
        }
        return new EmittedReference(dir, gridList.size(), departmentList.size(), categoryList.size(), firstYear,
                lastYear);
    }

    private static String family(String code) {
        return code.substring(0, code.indexOf('.'));
    }

    /**
     * A family the export does not name (its codes come from the mapping's table) read as words,
     * {@code street_lights} → {@code Street lights}, since a person reads the name, never the id.
     */
    static String readable(String familyId) {
        String words = familyId.replace('_', ' ').trim();
        return words.isEmpty() ? familyId : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Department department(Named named, Tier tier) {
        return new Department(named.id(), named.name(), named.name(), tier, "alerts." + named.id());
    }

    /** The department with the most cases; of equals, the first by id. */
    private static String mostCases(Map<String, Integer> casesByDepartment) {
        return casesByDepartment.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    private static void write(Path file, String comment, String yaml) throws IOException {
        Files.writeString(file, comment + yaml, StandardCharsets.UTF_8);
    }
}
