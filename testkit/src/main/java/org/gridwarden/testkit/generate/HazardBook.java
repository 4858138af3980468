package org.gridwarden.testkit.generate;

import static org.gridwarden.testkit.generate.SubjectBook.MARGIN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.ReportKind;

/**
 * What the hazard rules look at, as placed so far: grid HAZARD reports by grid and family, GRID cases by grid,
 * building and family, hazard cases and hazard complaints by building, "nothing found" patrols by building,
 * and the windows reserved for injected failures, in which no grid report or GRID case may be placed.
 */
final class HazardBook {

    private record Span(Instant from, Instant to) {
        boolean overlaps(Instant a, Instant b) {
            return !b.isBefore(from.minus(MARGIN)) && !a.isAfter(to.plus(MARGIN));
        }
    }

    private record HazardCase(Instant created, Instant firstEnd, Instant end) {}

    /** A "nothing found" patrol. */
    record Patrol(String reportId, Instant at) {}

    private final Map<String, List<Instant>> reports = new HashMap<>();
    private final Map<String, List<Instant>> gridCases = new HashMap<>();
    private final Map<String, List<HazardCase>> cases = new HashMap<>();
    private final Map<String, List<Instant>> complaints = new HashMap<>();
    private final Map<String, List<Patrol>> nothingFound = new HashMap<>();
    private final Map<String, List<Span>> noReport = new HashMap<>();
    private final Map<String, List<Span>> noGridCase = new HashMap<>();

    void reported(GridReport r, String family) {
        if (r.kind() == ReportKind.HAZARD) {
            add(reports, r.gridId() + "|" + family, r.observedAt());
        } else if (r.kind() == ReportKind.PATROL && Boolean.FALSE.equals(r.hazardFound()) && r.buildingId() != null) {
            nothingFound.computeIfAbsent(r.buildingId(), k -> new ArrayList<>()).add(new Patrol(r.reportId(), r.observedAt()));
        }
    }

    /** A hazard case; {@code complaint} when its channel is one the patrol rule counts. */
    void opened(CasePlan plan, String family, boolean complaint) {
        var c = plan.created();
        if (c.channel() == Channel.GRID) {
            add(gridCases, c.gridId() + "|" + c.buildingId() + "|" + family, c.at());
        }
        if (c.buildingId() != null) {
            cases.computeIfAbsent(c.buildingId(), k -> new ArrayList<>())
                    .add(new HazardCase(c.at(), plan.firstEnd(), plan.outcome().endedAt()));
            if (complaint) {
                add(complaints, c.buildingId(), c.at());
            }
        }
    }

    boolean anyReport(String gridId, String family, Instant from, Instant to) {
        return within(reports.get(gridId + "|" + family), from, to);
    }

    boolean anyGridCase(String gridId, String buildingId, String family, Instant from, Instant to) {
        return within(gridCases.get(gridId + "|" + buildingId + "|" + family), from, to);
    }

    void reserveNoReport(String gridId, String family, Instant from, Instant to) {
        noReport.computeIfAbsent(gridId + "|" + family, k -> new ArrayList<>()).add(new Span(from, to));
    }

    void reserveNoGridCase(String gridId, String buildingId, String family, Instant from, Instant to) {
        noGridCase.computeIfAbsent(gridId + "|" + buildingId + "|" + family, k -> new ArrayList<>())
                .add(new Span(from, to));
    }

    boolean reportBlocked(String gridId, String family, Instant from, Instant to) {
        return noReport.getOrDefault(gridId + "|" + family, List.of()).stream().anyMatch(s -> s.overlaps(from, to));
    }

    boolean gridCaseBlocked(String gridId, String buildingId, String family, Instant from, Instant to) {
        return noGridCase.getOrDefault(gridId + "|" + buildingId + "|" + family, List.of()).stream()
                .anyMatch(s -> s.overlaps(from, to));
    }

    /** Open under any reading of "open": created well before, first closed or cancelled well after. */
    boolean clearlyOpen(String buildingId, Instant at) {
        return cases.getOrDefault(buildingId, List.of()).stream().anyMatch(c ->
                c.created().isBefore(at.minus(MARGIN)) && c.firstEnd().isAfter(at.plus(MARGIN)));
    }

    /** Whether a "nothing found" patrol at {@code at} could be taken as missing a hazard case or complaint. */
    boolean hazardAround(String buildingId, Instant at, Duration followUp) {
        boolean open = cases.getOrDefault(buildingId, List.of()).stream().anyMatch(c ->
                !c.created().isAfter(at.plus(MARGIN)) && !c.end().isBefore(at.minus(MARGIN)));
        return open || within(complaints.get(buildingId), at.minus(MARGIN), at.plus(followUp).plus(MARGIN));
    }

    /** "Nothing found" patrols of the building from {@code from} on (inclusive) and before {@code to}. */
    List<Patrol> nothingFound(String buildingId, Instant from, Instant to) {
        return nothingFound.getOrDefault(buildingId, List.of()).stream()
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
    }

    boolean nothingFoundSince(String buildingId, Instant from) {
        return nothingFound.getOrDefault(buildingId, List.of()).stream().anyMatch(p -> !p.at().isBefore(from));
    }

    /**
     * Forgets what no check from {@code now} on can find: grid hazard reports a look-back window back,
     * "nothing found" patrols a follow-up window back, cases ended and windows closed before now. A city's
     * history would otherwise grow day by day.
     */
    void forgetBefore(Instant now, Duration lookBack, Duration followUp) {
        Instant recent = now.minus(MARGIN);
        forget(reports, t -> t.isBefore(now.minus(lookBack).minus(MARGIN)));
        forget(gridCases, t -> t.isBefore(recent));
        forget(complaints, t -> t.isBefore(recent));
        forget(cases, c -> c.end().isBefore(recent));
        forget(nothingFound, p -> p.at().isBefore(now.minus(followUp).minus(MARGIN)));
        forget(noReport, s -> s.to().isBefore(recent));
        forget(noGridCase, s -> s.to().isBefore(recent));
    }

    private static <T> void forget(Map<String, List<T>> index, Predicate<T> old) {
        index.values().removeIf(list -> {
            list.removeIf(old);
            return list.isEmpty();
        });
    }

    private static void add(Map<String, List<Instant>> index, String key, Instant at) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
    }

    private static boolean within(List<Instant> times, Instant from, Instant to) {
        return times != null && times.stream().anyMatch(t -> !t.isBefore(from) && !t.isAfter(to));
    }
}
