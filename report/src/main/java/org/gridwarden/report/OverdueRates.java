package org.gridwarden.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * 超期率 per department from the day's OVERDUE_CASE alerts (see {@link OverdueRate}). The alert files do not
 * hold the cases that met their deadline without any alert, so the rate is taken over the cases that reached
 * a time-limit milestone that day; it says how many of a department's pressing cases slipped, not how many of
 * all its cases.
 */
final class OverdueRates {

    static final String RULE = "OVERDUE_CASE";

    private OverdueRates() {}

    /** The departments in {@code departments} with at least one case, highest rate first, then most cases. */
    static List<OverdueRate> of(List<Alert> today, List<Label> departments) {
        List<OverdueRate> rates = new ArrayList<>();
        for (Label department : departments) {
            Set<String> cases = cases(today, department.key(), a -> true);
            if (!cases.isEmpty()) {
                Set<String> overdue = cases(today, department.key(),
                        a -> a.level() == AlertLevel.OVERDUE || a.level() == AlertLevel.ESCALATED);
                rates.add(new OverdueRate(department, cases.size(), overdue.size()));
            }
        }
        rates.sort(Comparator.comparingDouble(OverdueRate::rate).reversed()
                .thenComparing(Comparator.comparingInt(OverdueRate::casesWithTimeLimitAlerts).reversed()));
        return rates;
    }

    private static Set<String> cases(List<Alert> today, String department, Predicate<Alert> level) {
        Set<String> cases = new TreeSet<>();
        today.stream().filter(a -> RULE.equals(a.ruleId()) && department.equals(a.department()) && level.test(a))
                // the subject key stands in when an alert file lacks the case id
                .map(a -> a.caseId() != null ? a.caseId() : a.subjectKey())
                .forEach(cases::add);
        return cases;
    }
}
