package org.gridwarden.app.watch;

import java.time.ZoneId;
import java.util.Arrays;
import java.time.format.DateTimeFormatter;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;

/**
 * One alert as one terminal line: local time in the district's time zone, level (coloured by severity when
 * colours are on), case id (the number an operator looks up; "-" for alerts about no single case), department,
 * street and grid, Chinese title. Columns are padded by display width, so Chinese names (two columns each
 * character) line up in a terminal.
 */
public final class AlertLine {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final String RESET = "\u001B[0m";
    /** The longest level name: every level takes this many columns, so no level shifts the columns after it. */
    private static final int LEVEL_COLUMNS = Arrays.stream(AlertLevel.values())
            .mapToInt(l -> l.name().length()).max().orElseThrow();

    private final ZoneId zone;
    private final boolean color;

    public AlertLine(ZoneId zone, boolean color) {
        this.zone = zone;
        this.color = color;
    }

    public String format(Alert a) {
        String department = a.departmentName() != null ? a.departmentName() : a.department();
        String place = join(a.streetName(), a.gridName() != null ? a.gridName() : a.gridId());
        String caseId = a.caseId() != null ? a.caseId() : "-";
        return WHEN.format(a.eventTime().atZone(zone)) + "  " + level(a.level()) + "  " + pad(caseId, 16)
                + pad(department, 18) + pad(place, 28) + a.title();
    }

    private String level(AlertLevel level) {
        String text = level.name() + " ".repeat(LEVEL_COLUMNS - level.name().length());
        String style = color ? style(level.severity()) : null;
        return style == null ? text : style + text + RESET;
    }

    /** WARNING yellow, OVERDUE and ALERT red, ESCALATED and CRITICAL white on red. */
    private static String style(int severity) {
        return switch (severity) {
            case 4 -> "\u001B[1;97;41m";
            case 3 -> "\u001B[1;31m";
            case 2 -> "\u001B[33m";
            default -> null;
        };
    }

    private static String join(String street, String grid) {
        if (street == null) {
            return grid == null ? "" : grid;
        }
        return grid == null ? street : street + " " + grid;
    }

    /** Pads to {@code columns} terminal columns (at least one space after the text). */
    static String pad(String text, int columns) {
        int width = width(text);
        return text + " ".repeat(Math.max(1, columns - width));
    }

    /** Terminal columns: East Asian wide characters (CJK, full-width forms) take two. */
    static int width(String text) {
        return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
