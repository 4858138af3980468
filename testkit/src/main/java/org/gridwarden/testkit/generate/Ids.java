package org.gridwarden.testkit.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Readable, unique ids that tell a reader where a record came from: {@code R20261102-00042} (a report of that
 * day), {@code C20261102-0007} (a case opened that day) and {@code C20261102-0007-03} (its third event).
 */
final class Ids {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private String day;
    private int reports;
    private int cases;

    void startDay(LocalDate date) {
        day = DAY.format(date);
        reports = 0;
        cases = 0;
    }

    String nextReport() {
        return "R" + day + "-" + pad(++reports, 5);
    }

    String nextCase() {
        return "C" + day + "-" + pad(++cases, 4);
    }

    static String event(String caseId, int n) {
        return caseId + "-" + pad(n, 2);
    }

    /** The HAZARD_CLEARED report that closes a hazard report. */
    static String clearance(String hazardReportId) {
        return hazardReportId + "-C";
    }

    private static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
