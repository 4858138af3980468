package org.gridwarden.report;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.Street;

/** Computes the daily report's figures from a set of alerts; pure, no files. */
public final class DailyFiguresCalculator {

    static final Set<String> UNREPORTED_HAZARD_RULES =
            Set.of("HAZARD_NOT_REPORTED_BY_GRID", "PATROL_MISSED_HAZARD", "HAZARD_NOT_FILED");
    static final String SILENT_GRID = "SILENT_GRID";
    private static final Comparator<Alert> IN_TIME_ORDER =
            Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId);

    private DailyFiguresCalculator() {}

    public static DailyFigures compute(List<Alert> alerts, LocalDate day, ReferenceData reference) {
        return compute(alerts, day, reference, Optional.empty());
    }

    /** @param input what the day archive held for the day, when the alerts come from one */
    public static DailyFigures compute(List<Alert> alerts, LocalDate day, ReferenceData reference,
            Optional<DayInput> input) {
        ReportWeek week = new ReportWeek(alerts, day, reference.zone());
        List<Alert> today = week.today();
        List<Label> departments = departments(week.all(), reference);
        DailyFigures.Source source = source(alerts, week);
        return new DailyFigures(
                reference.district().name(),
                day,
                reference.zone(),
                List.copyOf(new TreeSet<>(today.stream().map(Alert::ruleSetVersion).filter(Objects::nonNull).toList())),
                source,
                ReportNotices.of(day, source, today.size(), input),
                week.trend(a -> true),
                rows(week, rules(week.all()), label -> a -> a.ruleId().equals(label.key())),
                rows(week, levels(), label -> a -> a.level().name().equals(label.key())),
                rows(week, departments, label -> a -> label.key().equals(a.department())),
                OpenCases.of(today),
                OverdueRates.of(today, departments),
                RiskScore.top(today, Alert::gridId, a -> describeGrid(a, reference)),
                RiskScore.top(today, Alert::streetId, a -> describeStreet(a, reference)),
                Hotspots.of(week, reference),
                today.stream().filter(a -> SILENT_GRID.equals(a.ruleId())).sorted(IN_TIME_ORDER).toList(),
                today.stream().filter(a -> UNREPORTED_HAZARD_RULES.contains(a.ruleId())).sorted(IN_TIME_ORDER).toList());
    }

    /** Most alerts on the day first; ties by Chinese name (in pinyin order), then id, so the order is stable. */
    private static List<TotalRow> rows(ReportWeek week, List<Label> labels, Function<Label, Predicate<Alert>> counted) {
        Collator chinese = Collator.getInstance(Locale.CHINA);
        return labels.stream().map(l -> new TotalRow(l, week.trend(counted.apply(l))))
                .sorted(Comparator.comparingInt((TotalRow r) -> r.trend().today()).reversed()
                        .thenComparing(r -> r.label().chinese(), chinese)
                        .thenComparing(r -> r.label().key()))
                .toList();
    }

    /** The shipped rules, then any other rule id found in the week. */
    private static List<Label> rules(List<Alert> week) {
        Map<String, Label> rules = new LinkedHashMap<>();
        AlertLabels.RULES.forEach(l -> rules.put(l.key(), l));
        week.forEach(a -> rules.computeIfAbsent(a.ruleId(), AlertLabels::rule));
        return List.copyOf(rules.values());
    }

    private static List<Label> levels() {
        return Arrays.stream(AlertLevel.values()).map(AlertLabels::level).toList();
    }

    /** The district's departments in the reference data's order, then any other the week's alerts name. */
    private static List<Label> departments(List<Alert> week, ReferenceData reference) {
        Map<String, Label> departments = new LinkedHashMap<>();
        reference.departments().forEach(d -> departments.put(d.id(), new Label(d.id(), d.name(), d.nameEn())));
        week.stream().filter(a -> a.department() != null).forEach(a -> departments.computeIfAbsent(a.department(),
                id -> new Label(id, a.departmentName() != null ? a.departmentName() : id, null)));
        return List.copyOf(departments.values());
    }

    private static DailyFigures.Source source(List<Alert> alerts, ReportWeek week) {
        LocalDate first = alerts.stream().map(week::dayOf).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = alerts.stream().map(week::dayOf).max(Comparator.naturalOrder()).orElse(null);
        return new DailyFigures.Source(alerts.size(), first, last);
    }

    private static RiskScore.Described describeGrid(Alert a, ReferenceData reference) {
        GridPlace place = reference.grid(a.gridId()).orElse(null);
        String name = place != null ? place.grid().name() : a.gridName() != null ? a.gridName() : a.gridId();
        List<String> within = new ArrayList<>();
        within.add(place != null ? place.street().name() : a.streetName());
        within.add(place != null ? place.community().name() : a.communityName());
        String worker = place != null ? place.grid().workerName() : a.workerName();
        within.add(worker == null ? null : "网格员 " + worker);
        return new RiskScore.Described(new Label(a.gridId(), name, null),
                String.join(" · ", within.stream().filter(Objects::nonNull).toList()));
    }

    private static RiskScore.Described describeStreet(Alert a, ReferenceData reference) {
        Street street = reference.streets().stream().filter(s -> s.id().equals(a.streetId())).findFirst().orElse(null);
        Label label = street != null ? new Label(street.id(), street.name(), street.nameEn())
                : new Label(a.streetId(), a.streetName() != null ? a.streetName() : a.streetId(), null);
        return new RiskScore.Described(label, "");
    }
}
