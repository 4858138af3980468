package org.gridwarden.rules.reference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a district's reference data from a directory, so another district runs the same jar with its own files:
 * {@code district.yaml}, {@code grids.csv}, {@code departments.yaml}, {@code categories.yaml} and
 * {@code calendar/<year>.yaml}. Every problem is reported with its file, not only the first.
 */
public final class ReferenceDataLoader {

    record DepartmentsFile(List<Department> departments) {}

    record CategoriesFile(List<CategoryFamily> families, List<Category> categories) {}

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final CsvMapper csv = new CsvMapper();
    private final List<String> problems = new ArrayList<>();

    public static ReferenceData load(Path dir) {
        return new ReferenceDataLoader().loadDirectory(dir);
    }

    private ReferenceData loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReferenceDataException(List.of(dir + ": not a directory"));
        }
        District district = read(dir.resolve("district.yaml"), District.class);
        DepartmentsFile departments = read(dir.resolve("departments.yaml"), DepartmentsFile.class);
        CategoriesFile categories = read(dir.resolve("categories.yaml"), CategoriesFile.class);
        List<Grid> grids = readGrids(dir.resolve("grids.csv"));
        List<CalendarYear> years = readCalendar(dir.resolve("calendar"));
        if (!problems.isEmpty()) {
            throw new ReferenceDataException(problems);
        }
        check(dir, district, departments.departments(), categories, grids);
        if (!problems.isEmpty()) {
            throw new ReferenceDataException(problems);
        }
        return new ReferenceData(district, grids, departments.departments(), categories.families(),
                categories.categories(), years);
    }

    private <T> T read(Path file, Class<T> type) {
        try {
            return yaml.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            problems.add(describe(file, e));
        } catch (IOException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + ")");
        }
        return null;
    }

    private List<Grid> readGrids(Path file) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Grid> it = csv.readerFor(Grid.class).with(schema).readValues(file.toFile())) {
            return it.readAll();
        } catch (JsonProcessingException e) {
            problems.add(describe(file, e));
        } catch (IOException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + ")");
        }
        return List.of();
    }

    private List<CalendarYear> readCalendar(Path dir) {
        List<CalendarYear> years = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": missing; it holds one <year>.yaml per year of the official holiday arrangement");
            return years;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().forEach(f -> {
                CalendarYear y = read(f, CalendarYear.class);
                if (y != null) {
                    years.add(y);
                }
            });
        } catch (IOException e) {
            problems.add(dir + ": cannot list (" + e.getMessage() + ")");
        }
        return years;
    }

    private void check(Path dir, District district, List<Department> departments, CategoriesFile categories,
            List<Grid> grids) {
        Path districtFile = dir.resolve("district.yaml");
        try {
            ZoneId.of(district.timeZone());
        } catch (RuntimeException e) {
            problems.add(districtFile + ": timeZone '" + district.timeZone() + "' is not a time zone such as Asia/Shanghai");
        }
        Set<String> departmentIds = new HashSet<>();
        for (Department d : departments) {
            if (!departmentIds.add(d.id())) {
                problems.add(dir.resolve("departments.yaml") + ": department '" + d.id() + "' is listed twice");
            }
        }
        if (departments.stream().noneMatch(d -> d.tier() == Tier.SUPERVISION)) {
            problems.add(dir.resolve("departments.yaml") + ": no department of tier SUPERVISION (督查室)");
        }
        Set<String> communityIds = new HashSet<>();
        for (Street s : district.streets()) {
            if (!departmentIds.contains(s.department())) {
                problems.add(districtFile + ": street " + s.id() + " names department '" + s.department()
                        + "', which departments.yaml does not list");
            }
            s.communities().forEach(c -> communityIds.add(c.id()));
        }
        Set<String> gridIds = new HashSet<>();
        for (Grid g : grids) {
            if (!gridIds.add(g.gridId())) {
                problems.add(dir.resolve("grids.csv") + ": grid " + g.gridId() + " is listed twice");
            }
            if (!communityIds.contains(g.communityId())) {
                problems.add(dir.resolve("grids.csv") + ": grid " + g.gridId() + " names community '"
                        + g.communityId() + "', which district.yaml does not list");
            }
        }
        Path categoriesFile = dir.resolve("categories.yaml");
        Set<String> familyIds = new HashSet<>();
        categories.families().forEach(f -> familyIds.add(f.id()));
        for (Category c : categories.categories()) {
            if (!familyIds.contains(c.family())) {
                problems.add(categoriesFile + ": category " + c.code() + " names family '" + c.family()
                        + "', which is not listed under families");
            }
            if (!departmentIds.contains(c.districtDepartment())) {
                problems.add(categoriesFile + ": category " + c.code() + " names districtDepartment '"
                        + c.districtDepartment() + "', which departments.yaml does not list");
            }
            if (c.firstTier() == null || c.timeLimitClass() == null) {
                problems.add(categoriesFile + ": category " + c.code() + " needs firstTier and timeLimitClass");
            }
        }
    }

    static String describe(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        StringBuilder where = new StringBuilder(file.toString());
        if (loc != null && loc.getLineNr() > 0) {
            where.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
        }
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? fieldPath(m) : null;
        return where + (field != null ? " (field " + field + ")" : "") + ": " + e.getOriginalMessage();
    }

    /** A field path such as {@code overdue.timeLimits.STANDARD.NORMAL} or {@code categories[3].family}. */
    public static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
