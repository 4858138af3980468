package org.gridwarden.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridwarden.rules.model.Alert;

/**
 * The alerts of the last days as the console shows them: the newest first for the feed, each grid's recent ones
 * for the map, and the counts per department and level of today against the average day of the week before.
 * A day is the district's calendar day of the time an alert reached the topic, which is when the duty officers
 * saw it.
 *
 * @param days how many days before today the averages cover
 */
final class AlertFeed {

    /** An alert and when it reached the topic. */
    record Received(Alert alert, Instant at) {}

    /** The counts the page shows: department to level to number, today and per day before. */
    record Counts(LocalDate today, Map<String, Map<String, Integer>> todayByDepartment,
            Map<String, Map<String, Double>> averageByDepartment, int days) {}

    private static final int MOST_KEPT = 100_000;

    private final ZoneId zone;
    private final Clock clock;
    private final int days;
    private final Deque<Received> kept = new ArrayDeque<>();

    AlertFeed(ZoneId zone, Clock clock, int days) {
        this.zone = zone;
        this.clock = clock;
        this.days = days;
    }

    /** When to start reading the topic: the beginning of the first day the averages cover. */
    Instant readFrom() {
        return today().minusDays(days).atStartOfDay(zone).toInstant();
    }

    synchronized void add(Alert alert, Instant at) {
        kept.addFirst(new Received(alert, at));
        Instant oldest = readFrom();
        while (kept.size() > MOST_KEPT || (!kept.isEmpty() && kept.peekLast().at().isBefore(oldest))) {
            kept.removeLast();
        }
    }

    /** The newest {@code n} alerts, newest first. */
    synchronized List<Alert> newest(int n) {
        List<Alert> out = new ArrayList<>(Math.min(n, kept.size()));
        Iterator<Received> it = kept.iterator();
        while (it.hasNext() && out.size() < n) {
            out.add(it.next().alert());
        }
        return out;
    }

    /** A grid's alerts of the kept days, newest first, at most {@code n}. */
    synchronized List<Alert> ofGrid(String gridId, int n) {
        List<Alert> out = new ArrayList<>();
        for (Received r : kept) {
            if (gridId.equals(r.alert().gridId())) {
                out.add(r.alert());
                if (out.size() == n) {
                    break;
                }
            }
        }
        return out;
    }

    synchronized Counts counts() {
        LocalDate today = today();
        Map<String, Map<String, Integer>> now = new TreeMap<>();
        Map<String, Map<String, Double>> before = new TreeMap<>();
        for (Received r : kept) {
            LocalDate day = r.at().atZone(zone).toLocalDate();
            String department = r.alert().department();
            String level = r.alert().level().name();
            if (day.equals(today)) {
                now.computeIfAbsent(department, d -> new TreeMap<>()).merge(level, 1, Integer::sum);
            } else if (!day.isBefore(today.minusDays(days)) && day.isBefore(today)) {
                before.computeIfAbsent(department, d -> new TreeMap<>()).merge(level, 1.0 / days, Double::sum);
            }
        }
        return new Counts(today, now, before, days);
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
