package org.gridwarden.importer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.gridwarden.importer.ImportMapping.Columns;
import org.gridwarden.importer.RowResult.Rejected;
import org.gridwarden.importer.StatusMapping.Meaning;
import org.gridwarden.rules.model.Channel;

/**
 * One row of an export to a {@link LedgerCase}, or to the first reason it cannot be one. The checks run in a
 * fixed order, so a row with several faults always gets the same reason: the status first (a duplicate is
 * not a case, whatever else is wrong with it), then the times, then what the case refers to.
 */
public final class RowConverter {

    private final ImportMapping mapping;
    private final Columns columns;
    private final DateTimeFormatter times;

    public RowConverter(ImportMapping mapping) {
        this.mapping = mapping;
        this.columns = mapping.columns();
        this.times = mapping.time().formatter();
    }

    /** The row as column name to value; a column the row lacks counts as blank. */
    public RowResult convert(Map<String, String> row) {
        String caseId = value(row, columns.caseId());
        if (caseId.isEmpty()) {
            return reject(ImportReason.NO_CASE_ID, columns.caseId(), caseId);
        }
        String status = columns.status() == null ? "" : value(row, columns.status());
        // without a status column, the close time alone says whether a case is closed
        Optional<Meaning> meaning = columns.status() == null ? Optional.of(Meaning.OPEN)
                : mapping.status().meaning(status);
        if (meaning.isEmpty()) {
            return new Rejected(ImportReason.UNKNOWN_STATUS, columns.status().name() + " '" + status
                    + "' is listed under none of closed, duplicate and open");
        }
        if (meaning.get() == Meaning.DUPLICATE) {
            return new Rejected(ImportReason.DUPLICATE, columns.status().name() + " '" + status
                    + "': a duplicate of another request");
        }
        String createdText = value(row, columns.created());
        if (createdText.isEmpty()) {
            return reject(ImportReason.NO_CREATED_TIME, columns.created(), createdText);
        }
        Instant created = time(createdText);
        if (created == null) {
            return badTime(columns.created(), createdText);
        }
        Instant due = null;
        String dueText = columns.due() == null ? "" : value(row, columns.due());
        // a row without a due time is still a case, for every other rule; the mapping says if it has a deadline
        boolean noDeadline = dueText.isEmpty() && mapping.due().whenBlank() == DueMapping.WhenBlank.NONE;
        if (!dueText.isEmpty()) {
            due = time(dueText);
            if (due == null) {
                return badTime(columns.due(), dueText);
            }
            if (!due.isAfter(created)) {
                return new Rejected(ImportReason.DUE_NOT_AFTER_CREATED, columns.due().name() + " '" + dueText
                        + "' is not after " + columns.created().name() + " '" + createdText + "'");
            }
        }
        Instant closed = null;
        String closedText = columns.closed() == null ? "" : value(row, columns.closed());
        if (meaning.get() == Meaning.CLOSED || mapping.status().closedByCloseTime() && !closedText.isEmpty()) {
            if (closedText.isEmpty()) {
                return new Rejected(ImportReason.NO_CLOSE_TIME, columns.closed().name() + " is blank, but "
                        + columns.status().name() + " '" + status + "' means closed");
            }
            closed = time(closedText);
            if (closed == null) {
                return badTime(columns.closed(), closedText);
            }
            if (closed.isBefore(created)) {
                return new Rejected(ImportReason.CLOSED_BEFORE_CREATED, columns.closed().name() + " '" + closedText
                        + "' is before " + columns.created().name() + " '" + createdText + "'");
            }
        }
        String type = value(row, columns.category());
        Optional<CategoryMapping.Code> category = mapping.category().code(type,
                columns.family() == null ? null : value(row, columns.family()));
        if (category.isEmpty()) {
            return unmapped(ImportReason.UNKNOWN_CATEGORY, columns.category(), type, "category",
                    mapping.category().passThroughFamily() != null);
        }
        String method = value(row, columns.channel());
        Optional<Channel> channel = mapping.channel().channel(method);
        if (channel.isEmpty()) {
            return unmapped(ImportReason.UNKNOWN_CHANNEL, columns.channel(), method, "channel", false);
        }
        String agency = value(row, columns.department());
        Optional<String> department = mapping.department().department(agency);
        if (department.isEmpty()) {
            return unmapped(ImportReason.UNKNOWN_DEPARTMENT, columns.department(), agency, "department",
                    mapping.department().passThrough());
        }
        String area = value(row, columns.area());
        Optional<Named> grid = mapping.area().grid(area);
        if (grid.isEmpty()) {
            return reject(ImportReason.NO_AREA, columns.area(), area);
        }
        return new LedgerCase(caseId, created, due, noDeadline, closed, channel.get(),
                new Named(category.get().code(), type.trim()), category.get().familyName(),
                new Named(department.get(), agency.trim()), grid.get(),
                mapping.address().normalize(optional(row, columns.address())), optional(row, columns.building()));
    }

    private Instant time(String text) {
        try {
            return mapping.time().parse(text, times);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Rejected badTime(Column column, String text) {
        return new Rejected(ImportReason.BAD_TIME, column.name() + " '" + text + "' is not a time written as "
                + mapping.time().pattern());
    }

    private static Rejected reject(ImportReason reason, Column column, String value) {
        return new Rejected(reason, column.name() + (value.isEmpty() ? " is blank" : " '" + value + "'"));
    }

    /** A value the mapping has nothing for: blank, absent from its table, or without letters to make an id of. */
    private static Rejected unmapped(ImportReason reason, Column column, String value, String table,
            boolean passedThrough) {
        return value.isEmpty() ? reject(reason, column, value) : new Rejected(reason, column.name() + " '" + value
                + (passedThrough ? "' has no letters or digits to make an id of"
                        : "' is not in the mapping's " + table + " table"));
    }

    private static String value(Map<String, String> row, Column column) {
        String v = row.get(column.name());
        return v == null ? "" : v.trim();
    }

    private static String optional(Map<String, String> row, Column column) {
        String v = column == null ? "" : value(row, column);
        return v.isEmpty() ? null : v;
    }
}
