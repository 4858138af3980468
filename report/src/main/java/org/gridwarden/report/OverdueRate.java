package org.gridwarden.report;

/**
 * 超期率 of one department on the report day, from the alerts alone: of the cases for which the department
 * received a time-limit alert (OVERDUE_CASE: 临期, 超期 or 升级督办) that day, the share for which the alert
 * was 超期 or 升级督办, i.e. the deadline had passed.
 *
 * @param casesWithTimeLimitAlerts distinct cases with any OVERDUE_CASE alert to the department on the day
 * @param overdueCases of those, the cases with an OVERDUE or ESCALATED alert to the department on the day
 */
public record OverdueRate(Label department, int casesWithTimeLimitAlerts, int overdueCases) {

    /** Between 0 and 1; only departments with at least one case are listed, so the division is defined. */
    public double rate() {
        return overdueCases / (double) casesWithTimeLimitAlerts;
    }
}
