package org.gridwarden.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * The expected alerts of the seven risk rules, worked out from the records as written and nothing else: a
 * plain restatement of each rule over the whole streams, independent of how the simulator placed anything.
 * The manifest's {@code expectedAlerts} come from here; keys as in {@link FailureMode}. Keeps only the
 * records the rules look at (CREATED, CLOSED, CANCELLED, PATROL, HAZARD).
 */
final class AlertOracle {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Comparator<LedgerEvent> BY_TIME =
            Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId);

    private final ReferenceData reference;
    private final RuleSet rules;
    private final List<LedgerEvent> created = new ArrayList<>();
    private final Map<String, List<LedgerEvent>> endings = new HashMap<>();
    private final List<GridReport> hazardReports = new ArrayList<>();
    private final List<GridReport> patrols = new ArrayList<>();
    /** Subjects per CREATED event id, worked out as it comes: several rules look at them. */
    private final Map<String, List<String>> subjects = new HashMap<>();
    private Instant first;

    AlertOracle(ReferenceData reference, RuleSet rules) {
        this.reference = reference;
        this.rules = rules;
    }

    void report(GridReport r) {
        seen(r.observedAt());
        if (r.kind() == ReportKind.HAZARD) {
            hazardReports.add(r);
        } else if (r.kind() == ReportKind.PATROL) {
            patrols.add(r);
        }
    }

    void event(LedgerEvent e) {
        seen(e.at());
        if (e.type() == LedgerEventType.CREATED) {
            created.add(e);
            subjects.put(e.eventId(), subjectsOf(e));
        } else if (e.type() == LedgerEventType.CLOSED || e.type() == LedgerEventType.CANCELLED) {
            endings.computeIfAbsent(e.caseId(), id -> new ArrayList<>()).add(e);
        }
    }

    /**
     * Sorted keys per rule id of the alerts due at or before the horizon. The rules only read what was
     * recorded, so they are worked out side by side.
     */
    Map<String, List<String>> expected(Instant horizon) {
        created.sort(BY_TIME);
        Map<FailureMode, Supplier<List<String>>> rules = new EnumMap<>(FailureMode.class);
        rules.put(FailureMode.REPEAT_COMPLAINT, this::repeatComplaints);
        rules.put(FailureMode.COMPLAINT_AFTER_CLOSURE, this::complaintsAfterClosure);
        rules.put(FailureMode.HAZARD_NOT_REPORTED_BY_GRID, () -> hazardsNotReported(horizon));
        rules.put(FailureMode.PATROL_MISSED_HAZARD, this::patrolsMissingHazards);
        rules.put(FailureMode.HAZARD_NOT_FILED, () -> hazardsNotFiled(horizon));
        rules.put(FailureMode.SILENT_GRID, () -> silentGrids(horizon));
        rules.put(FailureMode.COMPLAINT_SURGE, this::surges);
        Map<FailureMode, List<String>> keys = rules.entrySet().parallelStream()
                .collect(Collectors.toConcurrentMap(Map.Entry::getKey, rule -> rule.getValue().get()));
        Map<String, List<String>> result = new LinkedHashMap<>();
        rules.keySet().forEach(mode -> result.put(mode.name(), keys.get(mode)));
        return result;
    }

    private List<String> repeatComplaints() {
        var section = rules.repeatComplaint();
        Duration window = section.window().toDuration();
        Map<String, Deque<Instant>> counting = new HashMap<>();
        Set<String> keys = new TreeSet<>();
        for (LedgerEvent c : complaints(section.channels())) {
            for (String subject : subjects(c)) {
                Deque<Instant> times = counting.computeIfAbsent(subject, s -> new ArrayDeque<>());
                while (!times.isEmpty() && times.peekFirst().isBefore(c.at().minus(window))) {
                    times.removeFirst();
                }
                times.addLast(c.at());
                if (times.size() >= section.threshold()) {
                    keys.add(subject + "@" + c.caseId());
                    times.clear();
                }
            }
        }
        return List.copyOf(keys);
    }

    private List<String> complaintsAfterClosure() {
        var section = rules.complaintAfterClosure();
        Duration window = section.window().toDuration();
        record Closed(String caseId, Instant at) {}
        Map<String, List<Closed>> closedBySubject = new HashMap<>();
        for (LedgerEvent c : created) {
            for (LedgerEvent end : endings.getOrDefault(c.caseId(), List.of())) {
                if (end.type() == LedgerEventType.CLOSED) {
                    for (String subject : subjects(c)) {
                        closedBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Closed(c.caseId(), end.at()));
                    }
                }
            }
        }
        Set<String> keys = new TreeSet<>();
        for (LedgerEvent c : complaints(section.channels())) {
            for (String subject : subjects(c)) {
                for (Closed closed : closedBySubject.getOrDefault(subject, List.of())) {
                    if (!closed.caseId().equals(c.caseId()) && closed.at().isBefore(c.at())
                            && !c.at().isAfter(closed.at().plus(window))) {
                        keys.add(closed.caseId());
                    }
                }
            }
        }
        return List.copyOf(keys);
    }

    private List<String> hazardsNotReported(Instant horizon) {
        var section = rules.hazardNotReportedByGrid();
        Duration lookBack = section.lookBack().toDuration();
        Duration grace = section.grace().toDuration();
        Map<String, List<Instant>> reportsByGridAndFamily = new HashMap<>();
        for (GridReport r : hazardReports) {
            reportsByGridAndFamily.computeIfAbsent(r.gridId() + "|" + category(r.category()).family(),
                    k -> new ArrayList<>()).add(r.observedAt());
        }
        Set<String> keys = new TreeSet<>();
        for (LedgerEvent c : created) {
            if (!section.channels().contains(c.channel()) || !category(c.category()).hazard()
                    || c.at().plus(grace).isAfter(horizon)) {
                continue;
            }
            String family = category(c.category()).family();
            boolean reported = reportsByGridAndFamily.getOrDefault(c.gridId() + "|" + family, List.of()).stream()
                    .anyMatch(t -> !t.isBefore(c.at().minus(lookBack)) && !t.isAfter(c.at().plus(grace)));
            if (!reported) {
                keys.add(c.caseId());
            }
        }
        return List.copyOf(keys);
    }

    private List<String> patrolsMissingHazards() {
        var section = rules.patrolMissedHazard();
        Duration followUp = section.followUp().toDuration();
        Map<String, List<LedgerEvent>> hazardCases = new HashMap<>();
        for (LedgerEvent c : created) {
            if (c.buildingId() != null && category(c.category()).hazard()) {
                hazardCases.computeIfAbsent(c.buildingId(), b -> new ArrayList<>()).add(c);
            }
        }
        Set<String> keys = new TreeSet<>();
        for (GridReport p : patrols) {
            if (!Boolean.FALSE.equals(p.hazardFound()) || p.buildingId() == null) {
                continue;
            }
            Instant at = p.observedAt();
            for (LedgerEvent c : hazardCases.getOrDefault(p.buildingId(), List.of())) {
                boolean open = !c.at().isAfter(at) && endings.getOrDefault(c.caseId(), List.of()).stream()
                        .noneMatch(e -> !e.at().isAfter(at));
                boolean followed = section.channels().contains(c.channel()) && c.at().isAfter(at)
                        && !c.at().isAfter(at.plus(followUp));
                if (open || followed) {
                    keys.add(p.reportId());
                }
            }
        }
        return List.copyOf(keys);
    }

    private List<String> hazardsNotFiled(Instant horizon) {
        Duration within = rules.hazardNotFiled().within().toDuration();
        Map<String, List<LedgerEvent>> bySource = new HashMap<>();
        Map<String, List<LedgerEvent>> gridCases = new HashMap<>();
        for (LedgerEvent c : created) {
            if (c.sourceReportId() != null) {
                bySource.computeIfAbsent(c.sourceReportId(), id -> new ArrayList<>()).add(c);
            }
            if (c.channel() == Channel.GRID) {
                gridCases.computeIfAbsent(gridKey(c.gridId(), c.buildingId(), c.category()), k -> new ArrayList<>()).add(c);
            }
        }
        Set<String> keys = new TreeSet<>();
        for (GridReport r : hazardReports) {
            Instant due = r.observedAt().plus(within);
            if (due.isAfter(horizon)) {
                continue;
            }
            // the rule brings a report and its filing together by grid: a filing under another grid is not seen
            List<LedgerEvent> candidates = new ArrayList<>(bySource.getOrDefault(r.reportId(), List.of()).stream()
                    .filter(c -> r.gridId().equals(c.gridId())).toList());
            candidates.addAll(gridCases.getOrDefault(gridKey(r.gridId(), r.buildingId(), r.category()), List.of()));
            if (candidates.stream().noneMatch(c -> !c.at().isBefore(r.observedAt()) && !c.at().isAfter(due))) {
                keys.add(r.reportId());
            }
        }
        return List.copyOf(keys);
    }

    private String gridKey(String gridId, String buildingId, String categoryCode) {
        return gridId + "|" + buildingId + "|" + category(categoryCode).family();
    }

    private List<String> silentGrids(Instant horizon) {
        Duration silence = rules.silentGrid().silence().toDuration();
        Map<String, List<Instant>> byGrid = new HashMap<>();
        for (GridReport p : patrols) {
            byGrid.computeIfAbsent(p.gridId(), g -> new ArrayList<>()).add(p.observedAt());
        }
        Set<String> keys = new TreeSet<>();
        for (GridPlace place : reference.grids()) {
            String gridId = place.grid().gridId();
            Instant last = first;
            List<Instant> times = byGrid.getOrDefault(gridId, new ArrayList<>());
            times.sort(Comparator.naturalOrder());
            for (Instant p : times) {
                if (p.isAfter(last.plus(silence))) {
                    keys.add(gridId + "@" + last);
                }
                last = p;
            }
            if (last != null && !last.plus(silence).isAfter(horizon)) {
                keys.add(gridId + "@" + last);
            }
        }
        return List.copyOf(keys);
    }

    private List<String> surges() {
        var section = rules.complaintSurge();
        Duration window = section.window().toDuration();
        Map<String, Deque<LedgerEvent>> windows = new HashMap<>();
        Set<String> inEpisode = new HashSet<>();
        Set<String> keys = new TreeSet<>();
        for (LedgerEvent c : complaints(section.channels())) {
            String key = community(c.gridId()) + "|" + category(c.category()).family();
            Deque<LedgerEvent> recent = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(c.at().minus(window))) {
                recent.removeFirst();
            }
            if (!surging(recent, section.threshold())) {
                inEpisode.remove(key);
            }
            recent.addLast(c);
            if (!inEpisode.contains(key) && surging(recent, section.threshold())) {
                keys.add(key + "@" + c.caseId());
                inEpisode.add(key);
            }
        }
        return List.copyOf(keys);
    }

    private static boolean surging(Deque<LedgerEvent> recent, int threshold) {
        return recent.size() >= threshold
                && recent.stream().map(LedgerEvent::complainantId).filter(Objects::nonNull).distinct().count() >= threshold;
    }

    private List<LedgerEvent> complaints(List<Channel> channels) {
        return created.stream().filter(c -> channels.contains(c.channel())).toList();
    }

    /** complainant, and building or else the address trimmed with its whitespace collapsed, with the family. */
    private List<String> subjects(LedgerEvent c) {
        return subjects.get(c.eventId());
    }

    private List<String> subjectsOf(LedgerEvent c) {
        String family = category(c.category()).family();
        List<String> subjects = new ArrayList<>(2);
        if (c.complainantId() != null) {
            subjects.add("complainant:" + c.complainantId() + "|" + family);
        }
        if (c.buildingId() != null) {
            subjects.add("building:" + c.buildingId() + "|" + family);
        } else if (c.address() != null && !c.address().isBlank()) {
            subjects.add("address:" + String.join(" ", WHITESPACE.split(c.address().trim())) + "|" + family);
        }
        return subjects;
    }

    private Category category(String code) {
        return reference.category(code).orElseThrow();
    }

    private String community(String gridId) {
        return reference.grid(gridId).orElseThrow().community().id();
    }

    private void seen(Instant t) {
        if (first == null || t.isBefore(first)) {
            first = t;
        }
    }
}
