package org.gridwarden.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * 当日超期、升级督办案件: every case with an OVERDUE or ESCALATED alert on the report day, once, at its highest
 * level that day; escalated first, then the oldest deadline, then the case id.
 */
final class OpenCases {

    private OpenCases() {}

    static List<OpenCase> of(List<Alert> today) {
        Map<String, Alert> byCase = new LinkedHashMap<>();
        for (Alert a : today) {
            if (a.level() == AlertLevel.OVERDUE || a.level() == AlertLevel.ESCALATED) {
                byCase.merge(caseOf(a), a, (x, y) -> y.level().ordinal() > x.level().ordinal() ? y : x);
            }
        }
        return byCase.values().stream()
                .map(a -> new OpenCase(caseOf(a), a.categoryName() != null ? a.categoryName() : a.categoryCode(),
                        a.department(), a.departmentName() != null ? a.departmentName() : a.department(),
                        HtmlReport.place(a), a.deadline(), a.level()))
                .sorted(Comparator.comparing((OpenCase c) -> c.level() != AlertLevel.ESCALATED)
                        .thenComparing(OpenCase::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(OpenCase::caseId))
                .toList();
    }

    private static String caseOf(Alert a) {
        return a.caseId() != null ? a.caseId() : a.subjectKey();
    }
}
