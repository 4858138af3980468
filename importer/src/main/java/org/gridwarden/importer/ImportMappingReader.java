package org.gridwarden.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gridwarden.importer.ImportMapping.Columns;
import org.gridwarden.importer.ImportMapping.ReferenceNames;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.ruleset.Names;
import org.gridwarden.rules.ruleset.YamlLocations;

/**
 * Reads an import mapping from YAML. Every problem is listed, not only the first, each as
 * {@code FILE:LINE:COLUMN: <field path>: <message>}; unknown fields are errors, since a misspelt column key
 * must not silently import nothing.
 */
public final class ImportMappingReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Each column key and what its column holds, for the message when it is missing. */
    private static final Map<String, String> REQUIRED_COLUMNS = requiredColumns();
    /**
     * Every field a mapping may have, by the block that holds it ({@code ""} the top, {@code category.passThrough}
     * a block within a block); {@code contract/import-mapping.schema.json} names the same.
     */
    static final Map<String, List<String>> FIELDS = fields();
    private static final List<String> TOP_LEVEL = FIELDS.get("");
    private static final String EXAMPLE_FORMAT = "MM/dd/yyyy hh:mm:ss a";
    private static final List<String> CHANNELS = Stream.of(Channel.values()).map(Channel::name).toList();

    private record Problem(int line, int column, String text) {}

    private final Path file;
    private final YamlLocations locations;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private ImportMappingReader(Path file, YamlLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    /** The mapping in {@code file}, or an {@link ImportMappingException} with every problem. */
    public static ImportMapping read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportMappingException(List.of(file + ": no such file"));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ImportMappingException(List.of(file + ": cannot read the mapping (" + e + ")"));
        }
        YamlLocations locations = YamlLocations.index(text);
        ImportMappingReader reader = new ImportMappingReader(file, locations);
        if (locations.syntaxError() != null) {
            YamlLocations.SyntaxError e = locations.syntaxError();
            String after = e.after().isEmpty() ? "" : " after " + field(e.after());
            throw new ImportMappingException(List.of(file + ":" + e.at().line() + ":" + e.at().column()
                    + ": not valid YAML" + after + ": " + e.message()));
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("YAML read once but not twice: " + file, e);
        }
        ImportMapping mapping = reader.mapping(root);
        if (!reader.problems.isEmpty()) {
            throw new ImportMappingException(reader.problems.stream()
                    .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                    .map(Problem::text).distinct().toList());
        }
        List<String> warned = reader.warnings.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .map(Problem::text).distinct().toList();
        return new ImportMapping(mapping.file(), mapping.source(), mapping.columns(), mapping.time(), mapping.status(),
                mapping.category(), mapping.channel(), mapping.department(), mapping.area(), mapping.address(),
                mapping.due(), mapping.exportedAt(), mapping.reference(), warned);
    }

    private ImportMapping mapping(JsonNode root) {
        if (!(root instanceof ObjectNode top)) {
            problem("", false, (root == null || root.isMissingNode() ? "the file is empty" : "not an import mapping")
                    + "; a mapping is made of the fields " + Names.list(TOP_LEVEL));
            return null;
        }
        unknownFields(top, "", TOP_LEVEL, "a mapping has");
        String source = text(top, "", "source", false, null);
        Columns columns = columns(block(top, "", "columns", true, "the CSV columns by meaning, e.g. caseId:"
                + " ServiceRequestNum"));
        ExportTime time = time(block(top, "", "time", true, "format, zone and locale of the times, e.g. format: "
                + EXAMPLE_FORMAT + " and zone: America/New_York"));
        StatusMapping status = status(block(top, "", "status", true, "which statuses mean closed, duplicate and"
                + " open"), columns);
        CategoryMapping category = category(block(top, "", "category", true, "a table of request types to"
                + " category codes, or passThrough"), columns);
        ChannelMapping channel = channel(block(top, "", "channel", true, "a table of intake methods to the"
                + " channels " + Names.list(CHANNELS)));
        DepartmentMapping department = department(block(top, "", "department", false, null));
        AreaMapping area = area(block(top, "", "area", false, null));
        AddressMapping address = address(block(top, "", "address", false, null), columns);
        DueMapping due = due(block(top, "", "due", false, null), columns);
        Instant exportedAt = exportedAt(top, time);
        ReferenceNames reference = reference(block(top, "", "reference", false, null));
        return new ImportMapping(file, source, columns, time, status, category, channel, department, area, address,
                due, exportedAt, reference, List.of());
    }

    private Columns columns(ObjectNode block) {
        if (block == null) {
            return null;
        }
        unknownFields(block, "/columns", FIELDS.get("columns"), "columns has");
        return new Columns(column(block, "caseId"), column(block, "created"), column(block, "due"),
                column(block, "closed"), column(block, "status"), column(block, "category"),
                column(block, "channel"), column(block, "department"), column(block, "area"),
                column(block, "address"), column(block, "building"), column(block, "family"));
    }

    private Column column(ObjectNode columns, String key) {
        String holds = REQUIRED_COLUMNS.get(key);
        String name = text(columns, "/columns", key, holds != null, "name the CSV column that holds " + holds);
        return name == null ? null : new Column(name, where("/columns/" + key));
    }

    private ExportTime time(ObjectNode block) {
        if (block == null) {
            return null;
        }
        unknownFields(block, "/time", FIELDS.get("time"), "time has");
        String pattern = text(block, "/time", "format", true, "write the pattern of the times as java.time does,"
                + " e.g. format: " + EXAMPLE_FORMAT);
        String zoneName = text(block, "/time", "zone", true, "name the time zone of the times, e.g. zone:"
                + " America/New_York");
        String tag = text(block, "/time", "locale", false, null);
        Locale locale = tag == null ? Locale.US : Locale.forLanguageTag(tag);
        if (tag != null && locale.getLanguage().isEmpty()) {
            problem("/time/locale", false, "'" + tag + "' is not a language tag such as en-US");
        }
        ZoneId zone = null;
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                problem("/time/zone", false, "'" + zoneName + "' is not a time zone"
                        + Names.didYouMean(zoneName, ZoneId.getAvailableZoneIds())
                        + "; write a region such as America/New_York or Asia/Shanghai");
            }
        }
        if (pattern != null) {
            try {
                new DateTimeFormatterBuilder().appendPattern(pattern);
            } catch (IllegalArgumentException e) {
                problem("/time/format", false, "'" + pattern + "' is not a java.time pattern (" + e.getMessage()
                        + "); e.g. " + EXAMPLE_FORMAT + " reads 04/12/2018 11:11:26 AM");
            }
        }
        return new ExportTime(pattern, zone, locale);
    }

    private StatusMapping status(ObjectNode block, Columns columns) {
        if (block == null) {
            return null;
        }
        List<String> meanings = List.of("closed", "duplicate", "open");
        unknownFields(block, "/status", FIELDS.get("status"), "status has");
        boolean byCloseTime = bool(block, "/status", "closedByCloseTime");
        Map<String, List<String>> byMeaning = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (String meaning : meanings) {
            List<String> statuses = texts(block, "/status", meaning);
            for (int i = 0; i < statuses.size(); i++) {
                String earlier = seen.putIfAbsent(StatusMapping.normalize(statuses.get(i)), meaning);
                if (earlier != null) {
                    String at = "/status/" + meaning + (block.get(meaning).isArray() ? "/" + i : "");
                    problem(at, false, "'" + statuses.get(i) + "' is also listed under " + earlier
                            + "; a status means one thing only");
                }
            }
            byMeaning.put(meaning, statuses);
        }
        boolean statusColumn = columns == null || columns.status() != null;
        if (seen.isEmpty() && statusColumn) {
            problem("/status", false, "lists no status; list under closed, duplicate and open the statuses of the"
                    + " status column, e.g. closed: [Closed] and open: [Open, New]");
        }
        if (!seen.isEmpty() && !statusColumn) {
            problem("/status", false, "lists statuses, but columns names no status column; add e.g. status:"
                    + " Status under columns");
        }
        if (!statusColumn && !byCloseTime) {
            problem("/status", false, "columns names no status column, so only a close time can say a case is"
                    + " closed; add closedByCloseTime: true here, or name the status column under columns");
        }
        if ((!byMeaning.get("closed").isEmpty() || byCloseTime) && columns != null && columns.closed() == null) {
            problem(byCloseTime ? "/status/closedByCloseTime" : "/status/closed", false, (byCloseTime
                    ? "closed by close time" : "statuses mean closed") + ", but columns names no closed column with"
                    + " the close time; add e.g. closed: CloseDate under columns");
        }
        return new StatusMapping(Set.copyOf(byMeaning.get("closed")), Set.copyOf(byMeaning.get("duplicate")),
                Set.copyOf(byMeaning.get("open")), byCloseTime);
    }

    private CategoryMapping category(ObjectNode block, Columns columns) {
        if (block == null) {
            return null;
        }
        unknownFields(block, "/category", FIELDS.get("category"), "category has");
        Map<String, String> table = table(block, "/category", "table");
        table.forEach((type, code) -> {
            if (!code.matches(CategoryMapping.CODE_PATTERN)) {
                problem(pointer("/category/table", type), false, "'" + code + "' is not a category code; codes are"
                        + " <family>.<name> in lower case, e.g. sanitation.garbage_overflow");
            }
        });
        ObjectNode passThrough = block(block, "/category", "passThrough", false, null);
        String separator = null;
        String family = null;
        if (passThrough != null) {
            unknownFields(passThrough, "/category/passThrough", FIELDS.get("category.passThrough"),
                    "passThrough has");
            separator = text(passThrough, "/category/passThrough", "familySeparator", false, null);
            family = text(passThrough, "/category/passThrough", "family", true, "name the family of request types"
                    + " without a family part, e.g. family: other");
            if (family != null && Slugs.codePart(family).isEmpty()) {
                problem("/category/passThrough/family", false, "'" + family + "' has no letters or digits to make"
                        + " a family of");
            }
        }
        if (passThrough == null && columns != null && columns.family() != null) {
            problem("/columns/family", false, "the family column makes the family of a passed-through request"
                    + " type, but category has no passThrough; add passThrough: {family: other} under category");
        }
        if (table.isEmpty() && passThrough == null) {
            problem("/category", false, "gives neither a table nor passThrough, so no request type would have a"
                    + " category; map the types to category codes under table, or make codes of them with"
                    + " passThrough");
        }
        return new CategoryMapping(table, separator, family);
    }

    private ChannelMapping channel(ObjectNode block) {
        if (block == null) {
            return null;
        }
        unknownFields(block, "/channel", FIELDS.get("channel"), "channel has");
        Map<String, Channel> table = new LinkedHashMap<>();
        table(block, "/channel", "table").forEach((method, name) -> {
            Channel c = channelNamed(name, pointer("/channel/table", method));
            if (c != null) {
                table.put(method, c);
            }
        });
        String otherwise = text(block, "/channel", "otherwise", false, null);
        Channel fallback = otherwise == null ? null : channelNamed(otherwise, "/channel/otherwise");
        if (table.isEmpty() && otherwise == null && !block.has("table")) {
            problem("/channel", false, "gives neither a table nor otherwise; map the intake methods to the channels "
                    + Names.list(CHANNELS) + ", e.g. table: {Phone: HOTLINE}");
        }
        return new ChannelMapping(table, fallback);
    }

    private Channel channelNamed(String name, String pointer) {
        if (CHANNELS.contains(name)) {
            return Channel.valueOf(name);
        }
        problem(pointer, false, "'" + name + "' is not a channel" + Names.didYouMean(name, CHANNELS)
                + "; the channels are " + Names.list(CHANNELS));
        return null;
    }

    private DepartmentMapping department(ObjectNode block) {
        if (block == null) {
            return new DepartmentMapping(Map.of(), true);
        }
        unknownFields(block, "/department", FIELDS.get("department"), "department has");
        Map<String, String> table = table(block, "/department", "table");
        JsonNode passThrough = block.get("passThrough");
        if (passThrough != null && !passThrough.isBoolean()) {
            problem("/department/passThrough", false, "expected true or false, not " + shown(passThrough));
            return new DepartmentMapping(table, false);
        }
        return new DepartmentMapping(table, passThrough == null ? table.isEmpty() : passThrough.booleanValue());
    }

    private AreaMapping area(ObjectNode block) {
        if (block == null) {
            return new AreaMapping(null);
        }
        unknownFields(block, "/area", FIELDS.get("area"), "area has");
        return new AreaMapping(text(block, "/area", "whenBlank", false, null));
    }

    private AddressMapping address(ObjectNode block, Columns columns) {
        if (block == null) {
            return AddressMapping.asWritten();
        }
        unknownFields(block, "/address", FIELDS.get("address"), "address has");
        if (columns != null && columns.address() == null) {
            problem("/address", false, "tidies addresses, but columns names no address column; add e.g. address:"
                    + " Address under columns");
        }
        String letterCase = text(block, "/address", "case", false, null);
        if (letterCase != null && !List.of("upper", "lower").contains(letterCase)) {
            problem("/address/case", false, "'" + letterCase + "' is not upper or lower; leave the field out to keep"
                    + " the case as written");
        }
        List<String> cities = new ArrayList<>();
        JsonNode strip = block.get("stripCities");
        if (strip != null && !strip.isNull()) {
            texts(block, "/address", "stripCities").forEach(cities::add);
        }
        return new AddressMapping(letterCase, bool(block, "/address", "decodeEntities"), cities);
    }

    private DueMapping due(ObjectNode block, Columns columns) {
        // with a due column, a blank one is no promise: nothing is made up; without one, the rule set decides
        DueMapping.WhenBlank otherwise = columns != null && columns.due() == null
                ? DueMapping.WhenBlank.TIME_LIMIT : DueMapping.WhenBlank.NONE;
        if (block == null) {
            return new DueMapping(otherwise);
        }
        unknownFields(block, "/due", FIELDS.get("due"), "due has");
        String word = text(block, "/due", "whenBlank", false, null);
        if (word == null) {
            return new DueMapping(otherwise);
        }
        for (DueMapping.WhenBlank w : DueMapping.WhenBlank.values()) {
            if (w.word().equalsIgnoreCase(word)) {
                return new DueMapping(w);
            }
        }
        problem("/due/whenBlank", false, "'" + word + "' is neither none (no deadline) nor timeLimit (the rule set's"
                + " time limit)");
        return new DueMapping(otherwise);
    }

    /** An ISO-8601 time with its offset, or a time in the mapping's own format and zone. */
    private Instant exportedAt(ObjectNode top, ExportTime time) {
        String text = text(top, "", "exportedAt", false, null);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notIso) {
            if (time != null && time.pattern() != null && time.zone() != null) {
                try {
                    return time.parse(text, time.formatter());
                } catch (DateTimeException | IllegalArgumentException notOwn) {
                    // named below
                }
            }
        }
        problem("/exportedAt", false, "'" + text + "' is not a time such as 2024-01-10T08:00:00-05:00"
                + (time != null && time.pattern() != null ? " or one written as " + time.pattern() : ""));
        return null;
    }

    private ReferenceNames reference(ObjectNode block) {
        if (block == null) {
            return null;
        }
        unknownFields(block, "/reference", FIELDS.get("reference"), "reference has");
        Named district = named(block, "district", "the district the export covers, e.g. id: baltimore and name:"
                + " Baltimore City");
        Named office = named(block, "office", "the first-tier office that takes what no agency holds, e.g. id:"
                + " baltimore-311 and name: Baltimore City 311");
        Named supervision = named(block, "supervision", "the supervision escalated cases go to, e.g. id:"
                + " city-administrator and name: Office of the City Administrator");
        if (office != null && supervision != null && office.id().equals(supervision.id())) {
            problem("/reference/supervision/id", false, "'" + office.id() + "' is also the id of the office; the"
                    + " supervision is a department of its own");
        }
        return new ReferenceNames(district, office, supervision);
    }

    private Named named(ObjectNode reference, String part, String what) {
        String at = "/reference/" + part;
        ObjectNode block = block(reference, "/reference", part, true, what);
        if (block == null) {
            return null;
        }
        unknownFields(block, at, FIELDS.get("reference." + part), part + " has");
        String id = text(block, at, "id", true, "give " + what);
        String name = text(block, at, "name", true, "give " + what);
        if (id != null && !Slugs.id(id).equals(id)) {
            problem(at + "/id", false, "'" + id + "' is not an id; ids are lower-case words joined by '-', e.g. "
                    + Slugs.id(id));
        }
        return id == null || name == null ? null : new Named(id, name);
    }

    // --- shapes ---

    private ObjectNode block(ObjectNode parent, String at, String field, boolean required, String what) {
        String pointer = at + "/" + field;
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(pointer, false, "missing; give " + what);
            }
            return null;
        }
        if (!(node instanceof ObjectNode block)) {
            problem(pointer, false, "expected indented lines of fields, not " + shown(node));
            return null;
        }
        return block;
    }

    private String text(ObjectNode block, String at, String field, boolean required, String whatToGive) {
        String pointer = at + "/" + field;
        JsonNode node = block.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(pointer, false, (node == null ? "missing" : "empty") + "; " + whatToGive);
            }
            return null;
        }
        if (!node.isValueNode()) {
            problem(pointer, false, "expected a text, not " + shown(node));
            return null;
        }
        if (node.asText().isBlank()) {
            problem(pointer, false, "empty; " + (whatToGive != null ? whatToGive
                    : "give a text or leave the field out"));
            return null;
        }
        return node.asText().trim();
    }

    /** true or false; false when the field is absent. */
    private boolean bool(ObjectNode block, String at, String field) {
        JsonNode node = block.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problem(at + "/" + field, false, "expected true or false, not " + shown(node));
            return false;
        }
        return node.booleanValue();
    }

    /** A text or a list of texts; empty when the field is absent. */
    private List<String> texts(ObjectNode block, String at, String field) {
        String pointer = at + "/" + field;
        JsonNode node = block.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText().trim());
        }
        if (!node.isArray()) {
            problem(pointer, false, "expected a list such as [Open, New], not " + shown(node));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isValueNode() || node.get(i).isNull() || node.get(i).asText().isBlank()) {
                problem(pointer + "/" + i, false, "expected a text, not " + shown(node.get(i)));
            } else {
                texts.add(node.get(i).asText().trim());
            }
        }
        return texts;
    }

    /** A table of texts to texts, in file order; empty when the field is absent. */
    private Map<String, String> table(ObjectNode block, String at, String field) {
        String pointer = at + "/" + field;
        JsonNode node = block.get(field);
        Map<String, String> table = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return table;
        }
        if (!(node instanceof ObjectNode entries)) {
            problem(pointer, false, "expected indented lines 'value in the CSV: what it becomes', not " + shown(node));
            return table;
        }
        Map<String, String> firstKey = new HashMap<>();
        entries.properties().forEach(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull() || e.getValue().asText().isBlank()) {
                problem(pointer(pointer, e.getKey()), false, "expected what '" + e.getKey() + "' becomes, not "
                        + shown(e.getValue()));
                return;
            }
            String key = e.getKey().trim();
            String value = e.getValue().asText().trim();
            String earlier = firstKey.putIfAbsent(Tables.key(key), key);
            if (earlier == null) {
                table.put(key, value);
            } else if (!table.get(earlier).equals(value)) {
                // the tables ignore case, as exports do not keep to one spelling: the first in the file counts
                warning(pointer(pointer, e.getKey()), "'" + key + "' and '" + earlier + "' are the same value but"
                        + " for their case, which the tables ignore; '" + earlier + "' becomes " + table.get(earlier)
                        + " and '" + key + "' would become " + value + ": " + table.get(earlier) + " is kept");
            }
        });
        return table;
    }

    private void unknownFields(ObjectNode block, String at, List<String> known, String what) {
        Set<String> unknown = new TreeSet<>();
        block.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(f);
            }
        });
        for (String f : unknown) {
            problem(pointer(at, f), true, "unknown field" + Names.didYouMean(f, known) + "; " + what + " "
                    + Names.list(known));
        }
    }

    private static String shown(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        return node.isObject() ? "a block of fields" : node.isArray() ? "a list" : "'" + node.asText() + "'";
    }

    // --- places ---

    private void warning(String pointer, String message) {
        YamlLocations.Position at = locations.position(pointer, true);
        warnings.add(new Problem(at.line(), at.column(), file + ":" + at.line() + ":" + at.column() + ": "
                + field(pointer) + ": " + message));
    }

    private void problem(String pointer, boolean atKey, String message) {
        YamlLocations.Position at = locations.position(pointer, atKey);
        String field = field(pointer);
        problems.add(new Problem(at.line(), at.column(), file + ":" + at.line() + ":" + at.column() + ": "
                + (field.isEmpty() ? "" : field + ": ") + message));
    }

    private String where(String pointer) {
        YamlLocations.Position at = locations.position(pointer, false);
        return file + ":" + at.line() + ":" + at.column() + ": " + field(pointer);
    }

    private static String pointer(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** {@code /status/open/1} as {@code status.open[1]}, {@code /channel/table/API} as {@code channel.table.API}. */
    private static String field(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.matches("\\d+")) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    private static Map<String, String> requiredColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("caseId", "the case id (案件编号)");
        columns.put("created", "the time the case was created (受理时间)");
        columns.put("category", "the request type (事项分类)");
        columns.put("channel", "how the request came in (受理渠道)");
        columns.put("department", "the agency that handles the case (责任单位)");
        columns.put("area", "the area each grid (网格) is made of, e.g. a neighbourhood");
        return columns;
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("", List.of("source", "columns", "time", "status", "category", "channel", "department", "area",
                "address", "due", "exportedAt", "reference"));
        fields.put("columns", List.of("caseId", "created", "status", "category", "channel", "department", "area", "due",
                "closed", "address", "building", "family"));
        fields.put("time", List.of("format", "zone", "locale"));
        fields.put("status", List.of("closed", "duplicate", "open", "closedByCloseTime"));
        fields.put("category", List.of("table", "passThrough"));
        fields.put("category.passThrough", List.of("familySeparator", "family"));
        fields.put("channel", List.of("table", "otherwise"));
        fields.put("department", List.of("table", "passThrough"));
        fields.put("area", List.of("whenBlank"));
        fields.put("address", List.of("case", "decodeEntities", "stripCities"));
        fields.put("due", List.of("whenBlank"));
        fields.put("reference", List.of("district", "office", "supervision"));
        for (String part : List.of("district", "office", "supervision")) {
            fields.put("reference." + part, List.of("id", "name"));
        }
        return Collections.unmodifiableMap(fields);
    }

    /** Every column the mapping names that {@code header} lacks, as problems naming the mapping's line. */
    static List<String> missingColumns(ImportMapping mapping, Path csv, List<String> header) {
        Set<String> columns = new LinkedHashSet<>(header);
        return mapping.columns().named().stream().filter(c -> !columns.contains(c.name()))
                .map(c -> c.where() + ": '" + c.name() + "' is not a column of " + csv
                        + Names.didYouMean(c.name(), columns) + "; its columns are " + Names.list(columns))
                .toList();
    }
}
