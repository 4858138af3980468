package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;

/**
 * Reads a rule set from YAML and checks it against the district's reference data. Unknown keys are errors
 * (a misspelt parameter must not silently fall back to nothing); every problem is listed, not only the first.
 */
public final class RuleSetLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RuleSetLoader() {}

    public static RuleSet load(Path file, ReferenceData reference) {
        RuleSet ruleSet = parse(file);
        List<String> problems = validate(ruleSet, reference);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems.stream().map(p -> file + ": " + p).toList());
        }
        return ruleSet;
    }

    static RuleSet parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RuleSetException(List.of(file + ": no such file"));
        }
        try {
            return YAML.readValue(file.toFile(), RuleSet.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() + ":" + loc.getColumnNr() : "";
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? " (field " + ReferenceDataLoader.fieldPath(m) + ")" : "";
            throw new RuleSetException(List.of(file + where + field + ": " + plainMessage(e)));
        } catch (IOException e) {
            throw new RuleSetException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
        }
    }

    /** Jackson's messages name Java types; a supervisor needs to know what to write instead. */
    private static String plainMessage(JsonProcessingException e) {
        if (e.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; known here: " + u.getKnownPropertyIds();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            if (m.getPath().isEmpty()) {
                return "not a rule set: expected a YAML mapping with version, ingest and overdue";
            }
            String expected = switch (m.getTargetType().getSimpleName()) {
                case "double", "Double" -> "a number";
                case "int", "Integer", "long", "Long" -> "a whole number";
                case "String" -> "a text";
                default -> m.getTargetType().isEnum() ? "one of " + List.of(m.getTargetType().getEnumConstants())
                        : "a " + m.getTargetType().getSimpleName();
            };
            return "expected " + expected;
        }
        return e.getOriginalMessage();
    }

    /** Semantic checks: every parameter present and in range, a time limit for every class the categories use. */
    public static List<String> validate(RuleSet rs, ReferenceData reference) {
        List<String> problems = new ArrayList<>();
        if (rs.version() == null || rs.version().isBlank()) {
            problems.add("version: missing; every alert carries it, so it must be set");
        }
        if (rs.ingest() == null) {
            problems.add("ingest: missing");
        } else {
            requireCalendarTime(problems, "ingest.allowedLateness", rs.ingest().allowedLateness());
            requireCalendarTime(problems, "ingest.duplicateRetention", rs.ingest().duplicateRetention());
        }
        OverdueRules o = rs.overdue();
        if (o == null) {
            problems.add("overdue: missing");
            return problems;
        }
        if (!(o.warningFraction() > 0 && o.warningFraction() < 1)) {
            problems.add("overdue.warningFraction: " + o.warningFraction()
                    + " must lie strictly between 0 and 1 (e.g. 0.8 warns when 80% of the time limit is used)");
        }
        requirePositive(problems, "overdue.escalationDelay", o.escalationDelay());
        requirePositive(problems, "overdue.signForLimit", o.signForLimit());
        requireCalendarTime(problems, "overdue.openCaseRetention", o.openCaseRetention());
        requireCalendarTime(problems, "overdue.closedCaseRetention", o.closedCaseRetention());
        Map<String, Map<Priority, TimeSpan>> limits = o.timeLimits();
        if (limits == null) {
            problems.add("overdue.timeLimits: missing");
            return problems;
        }
        limits.forEach((cls, byPriority) -> {
            for (Priority p : Priority.values()) {
                requirePositive(problems, "overdue.timeLimits." + cls + "." + p,
                        byPriority == null ? null : byPriority.get(p));
            }
        });
        validateFamilies(rs, problems);
        if (reference != null && Switchable.on(rs.complaintSurge()) && rs.complaintSurge().alsoNotify() != null
                && reference.department(rs.complaintSurge().alsoNotify()).isEmpty()) {
            problems.add("complaintSurge.alsoNotify: no department '" + rs.complaintSurge().alsoNotify()
                    + "' in the reference data");
        }
        if (reference != null) {
            Map<String, List<String>> missing = new TreeMap<>();
            for (Category c : reference.categories()) {
                if (!limits.containsKey(c.timeLimitClass())) {
                    missing.computeIfAbsent(c.timeLimitClass(), k -> new ArrayList<>()).add(c.code());
                }
            }
            missing.forEach((cls, codes) -> problems.add("overdue.timeLimits: no entry for class " + cls
                    + ", which categories " + String.join(", ", codes) + " use"));
        }
        return problems;
    }

    /** Sections of the other rule families: an absent section switches its rule off. */
    private static void validateFamilies(RuleSet rs, List<String> problems) {
        if (Switchable.on(rs.repeatComplaint())) {
            requireThreshold(problems, "repeatComplaint.threshold", rs.repeatComplaint().threshold());
            requireCalendarTime(problems, "repeatComplaint.window", rs.repeatComplaint().window());
            requireChannels(problems, "repeatComplaint.channels", rs.repeatComplaint().channels());
        }
        if (Switchable.on(rs.complaintAfterClosure())) {
            requireCalendarTime(problems, "complaintAfterClosure.window", rs.complaintAfterClosure().window());
            requireChannels(problems, "complaintAfterClosure.channels", rs.complaintAfterClosure().channels());
        }
        if (Switchable.on(rs.hazardNotReportedByGrid())) {
            requireCalendarTime(problems, "hazardNotReportedByGrid.lookBack", rs.hazardNotReportedByGrid().lookBack());
            requireCalendarTime(problems, "hazardNotReportedByGrid.grace", rs.hazardNotReportedByGrid().grace());
            requireChannels(problems, "hazardNotReportedByGrid.channels", rs.hazardNotReportedByGrid().channels());
        }
        if (Switchable.on(rs.patrolMissedHazard())) {
            requireCalendarTime(problems, "patrolMissedHazard.followUp", rs.patrolMissedHazard().followUp());
            requireChannels(problems, "patrolMissedHazard.channels", rs.patrolMissedHazard().channels());
        }
        if (Switchable.on(rs.hazardNotFiled())) {
            requireCalendarTime(problems, "hazardNotFiled.within", rs.hazardNotFiled().within());
        }
        if (Switchable.on(rs.silentGrid())) {
            requireCalendarTime(problems, "silentGrid.silence", rs.silentGrid().silence());
        }
        if (Switchable.on(rs.complaintSurge())) {
            requireThreshold(problems, "complaintSurge.threshold", rs.complaintSurge().threshold());
            requireCalendarTime(problems, "complaintSurge.window", rs.complaintSurge().window());
            requireChannels(problems, "complaintSurge.channels", rs.complaintSurge().channels());
            if (rs.complaintSurge().alsoNotify() == null) {
                problems.add("complaintSurge.alsoNotify: missing; name the department told of every surge");
            }
        }
    }

    private static void requireThreshold(List<String> problems, String field, int threshold) {
        if (threshold < 2) {
            problems.add(field + ": " + threshold + " must be at least 2 (one event is not a repetition)");
        }
    }

    private static void requireChannels(List<String> problems, String field, List<?> channels) {
        if (channels == null || channels.isEmpty()) {
            problems.add(field + ": name at least one channel (HOTLINE, WINDOW, APP, GRID, INSPECTION, SENSOR)");
        }
    }

    private static void requirePositive(List<String> problems, String field, TimeSpan span) {
        if (span == null) {
            problems.add(field + ": missing");
        } else if (span.amount() <= 0) {
            problems.add(field + ": " + span + " must be longer than zero");
        }
    }

    private static void requireCalendarTime(List<String> problems, String field, TimeSpan span) {
        requirePositive(problems, field, span);
        if (span != null && span.isWorkingDays()) {
            problems.add(field + ": " + span + " must be in s, m, h or d; working days make no sense here");
        }
    }
}
