package org.gridwarden.rules.ruleset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;

/** Semantic checks of a parsed rule set: every parameter present and in range, every name known. */
public final class RuleSetValidator {

    private RuleSetValidator() {}

    public static List<String> validate(RuleSet rs, ReferenceData reference) {
        List<String> problems = new ArrayList<>();
        if (rs.version() == null || rs.version().isBlank()) {
            problems.add("version: missing; every alert carries it, so it must be set");
        }
        if (rs.effectiveFrom() == null) {
            problems.add("effectiveFrom: missing; write the time this version comes into force,"
                    + " e.g. 2026-12-01T00:00:00+08:00");
        }
        if (rs.ingest() != null) {
            requireCalendarTime(problems, "ingest.allowedLateness", rs.ingest().allowedLateness());
            requireCalendarTime(problems, "ingest.duplicateRetention", rs.ingest().duplicateRetention());
        }
        Set<String> ids = new HashSet<>();
        for (RuleEntry e : rs.rules()) {
            if (!ids.add(e.id())) {
                problems.add(e.id() + ": rule id given twice; every entry needs its own id");
            }
            if (e.enabled()) {
                validateEntry(e.id(), e.parameters(), reference, problems);
            }
        }
        return problems;
    }

    private static void validateEntry(String id, RuleParameters p, ReferenceData reference, List<String> problems) {
        if (p instanceof OverdueRules o) {
            validateOverdue(id, o, reference, problems);
        } else if (p instanceof RepeatComplaintRules r) {
            requireThreshold(problems, id + ".threshold", r.threshold());
            requireCalendarTime(problems, id + ".window", r.window());
            requireChannels(problems, id + ".channels", r.channels());
        } else if (p instanceof ComplaintAfterClosureRules c) {
            requireCalendarTime(problems, id + ".window", c.window());
            requireChannels(problems, id + ".channels", c.channels());
        } else if (p instanceof HazardNotReportedRules h) {
            requireCalendarTime(problems, id + ".lookBack", h.lookBack());
            requireCalendarTime(problems, id + ".grace", h.grace());
            requireChannels(problems, id + ".channels", h.channels());
        } else if (p instanceof PatrolMissedHazardRules h) {
            requireCalendarTime(problems, id + ".followUp", h.followUp());
            requireChannels(problems, id + ".channels", h.channels());
        } else if (p instanceof HazardNotFiledRules h) {
            requireCalendarTime(problems, id + ".within", h.within());
        } else if (p instanceof SilentGridRules s) {
            requireCalendarTime(problems, id + ".silence", s.silence());
        } else if (p instanceof ComplaintSurgeRules s) {
            requireThreshold(problems, id + ".threshold", s.threshold());
            requireCalendarTime(problems, id + ".window", s.window());
            requireChannels(problems, id + ".channels", s.channels());
            if (s.alsoNotify() == null) {
                problems.add(id + ".alsoNotify: missing; name the department told of every surge");
            } else if (reference != null && reference.department(s.alsoNotify()).isEmpty()) {
                problems.add(id + ".alsoNotify: no department '" + s.alsoNotify() + "' in the reference data");
            }
        }
    }

    private static void validateOverdue(String id, OverdueRules o, ReferenceData reference, List<String> problems) {
        if (!(o.warningFraction() > 0 && o.warningFraction() < 1)) {
            problems.add(id + ".warningFraction: " + o.warningFraction()
                    + " must lie strictly between 0 and 1 (e.g. 0.8 warns when 80% of the time limit is used)");
        }
        requirePositive(problems, id + ".escalationDelay", o.escalationDelay());
        requirePositive(problems, id + ".signForLimit", o.signForLimit());
        requireCalendarTime(problems, id + ".openCaseRetention", o.openCaseRetention());
        requireCalendarTime(problems, id + ".closedCaseRetention", o.closedCaseRetention());
        Map<String, Map<Priority, TimeSpan>> limits = o.timeLimits();
        if (limits == null) {
            problems.add(id + ".timeLimits: missing");
            return;
        }
        limits.forEach((cls, byPriority) -> {
            for (Priority p : Priority.values()) {
                requirePositive(problems, id + ".timeLimits." + cls + "." + p,
                        byPriority == null ? null : byPriority.get(p));
            }
        });
        if (reference != null) {
            Map<String, List<String>> missing = new TreeMap<>();
            for (Category c : reference.categories()) {
                if (!limits.containsKey(c.timeLimitClass())) {
                    missing.computeIfAbsent(c.timeLimitClass(), k -> new ArrayList<>()).add(c.code());
                }
            }
            missing.forEach((cls, codes) -> problems.add(id + ".timeLimits: no entry for class " + cls
                    + ", which categories " + String.join(", ", codes) + " use"));
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
