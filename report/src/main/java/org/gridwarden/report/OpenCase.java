package org.gridwarden.report;

import java.time.Instant;
import org.gridwarden.rules.model.AlertLevel;

/**
 * A case that was overdue or escalated on the report day, at the highest level it reached that day.
 *
 * @param caseId the case id, or the alert's subject key when an alert file lacks it
 * @param deadline the deadline the alert names, or null when it names none
 */
public record OpenCase(String caseId, String category, String department, String departmentName, String grid,
        Instant deadline, AlertLevel level) {}
