package org.gridwarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a daily report must show, counted straight from an alert file's JSON lines with a plain object mapper,
 * sharing no code with the report.
 */
final class AlertFileCounts {

    /** The fields of one alert line that the report counts. */
    record Line(String alertId, String ruleId, String level, int severity, String department, String gridId,
            String streetId, String caseId, String subjectKey, Instant eventTime, LocalDate day, List<String> evidence) {}

    /** A place's expected row in a risk ranking. */
    record Ranked(String key, int alerts, int score) {}

    /** A subject's expected row among the hot spots. */
    record Hot(String key, int repeatToday, int afterClosureToday, int previous) {}

    private final List<Line> lines = new ArrayList<>();

    AlertFileCounts(Path allJsonl, ZoneId zone) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String json : Files.readAllLines(allJsonl)) {
            if (json.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(json);
            Instant t = Instant.parse(n.get("eventTime").asText());
            List<String> evidence = new ArrayList<>();
            n.path("evidence").forEach(e -> evidence.add(e.asText()));
            lines.add(new Line(n.get("alertId").asText(), n.get("ruleId").asText(), n.get("level").asText(),
                    n.get("severity").asInt(), text(n, "department"), text(n, "gridId"), text(n, "streetId"),
                    text(n, "caseId"), text(n, "subjectKey"), t, t.atZone(zone).toLocalDate(), evidence));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    List<Line> lines() {
        return lines;
    }

    Set<LocalDate> days() {
        return lines.stream().map(Line::day).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> values(Function<Line, String> field) {
        return lines.stream().map(field).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }

    int count(LocalDate day, Predicate<Line> counted) {
        return (int) lines.stream().filter(l -> l.day().equals(day) && counted.test(l)).count();
    }

    /** The count on the day, the 7-day average and the change, as the report writes them (a percentage only on an average of 5 or more). */
    List<String> trend(LocalDate day, Predicate<Line> counted) {
        int today = count(day, counted);
        int previous = 0;
        for (int i = 1; i <= 7; i++) {
            previous += count(day.minusDays(i), counted);
        }
        double average = previous / 7.0;
        String change = String.format(Locale.ROOT, "%+.1f", today - average)
                + (average >= 5 ? String.format(Locale.ROOT, " (%+.0f%%)", (today - average) / average * 100) : "");
        return List.of(String.valueOf(today), String.format(Locale.ROOT, "%.1f", average), change);
    }

    /** Department → [cases with an OVERDUE_CASE alert on the day, of which overdue or escalated, rate]. */
    Map<String, List<String>> overdueRates(LocalDate day) {
        Map<String, Set<String>> cases = new TreeMap<>();
        Map<String, Set<String>> overdue = new TreeMap<>();
        for (Line l : lines) {
            if (l.day().equals(day) && l.ruleId().equals("OVERDUE_CASE")) {
                cases.computeIfAbsent(l.department(), d -> new TreeSet<>()).add(l.caseId());
                if (l.level().equals("OVERDUE") || l.level().equals("ESCALATED")) {
                    overdue.computeIfAbsent(l.department(), d -> new TreeSet<>()).add(l.caseId());
                }
            }
        }
        Map<String, List<String>> rates = new TreeMap<>();
        cases.forEach((department, all) -> {
            int late = overdue.getOrDefault(department, Set.of()).size();
            rates.put(department, List.of(String.valueOf(all.size()), String.valueOf(late),
                    String.format(Locale.ROOT, "%.1f%%", 100.0 * late / all.size())));
        });
        return rates;
    }

    /** The 10 places with the highest sum of severities on the day; ties: more alerts, then id. */
    List<Ranked> topByRisk(LocalDate day, Function<Line, String> place) {
        Map<String, int[]> byPlace = new TreeMap<>();
        for (Line l : lines) {
            if (l.day().equals(day) && place.apply(l) != null) {
                int[] sums = byPlace.computeIfAbsent(place.apply(l), p -> new int[2]);
                sums[0]++;
                sums[1] += l.severity();
            }
        }
        return byPlace.entrySet().stream().map(e -> new Ranked(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(Ranked::score).reversed()
                        .thenComparing(Comparator.comparingInt(Ranked::alerts).reversed())
                        .thenComparing(Ranked::key))
                .limit(10).toList();
    }

    /** Subjects with repeat-complaint or after-closure alerts on the day or the 7 before, as ranked in the report. */
    List<Hot> hotspots(LocalDate day) {
        Map<String, int[]> bySubject = new LinkedHashMap<>();
        for (Line l : lines) {
            boolean inWeek = !l.day().isAfter(day) && !l.day().isBefore(day.minusDays(7));
            if (inWeek && (l.ruleId().equals("REPEAT_COMPLAINT") || l.ruleId().equals("COMPLAINT_AFTER_CLOSURE"))) {
                int[] c = bySubject.computeIfAbsent(l.subjectKey(), s -> new int[3]);
                c[!l.day().equals(day) ? 2 : l.ruleId().equals("REPEAT_COMPLAINT") ? 0 : 1]++;
            }
        }
        return bySubject.entrySet().stream().map(e -> new Hot(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt((Hot h) -> h.repeatToday() + h.afterClosureToday()).reversed()
                        .thenComparing(Comparator.comparingInt(Hot::previous).reversed())
                        .thenComparing(Hot::key))
                .limit(10).toList();
    }

    /** The day's alerts of these rules in time order (then id). */
    List<Line> alertsOf(LocalDate day, Set<String> rules) {
        return lines.stream().filter(l -> l.day().equals(day) && rules.contains(l.ruleId()))
                .sorted(Comparator.comparing(Line::eventTime).thenComparing(Line::alertId)).toList();
    }
}
