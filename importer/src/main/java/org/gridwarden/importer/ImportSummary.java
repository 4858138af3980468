package org.gridwarden.importer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.gridwarden.rules.model.LedgerEventType;

/**
 * What an import did: every row read is imported or dead-lettered ({@code rows = imported + dead-lettered}).
 *
 * @param firstEvent the earliest event time, in the city's offset; null when nothing was imported
 * @param exportedAt when the export was taken, as recorded for replay; null when nothing was imported
 * @param exportTimeGiven whether the mapping or the command gave it, or it is the newest event
 * @param reference null when no reference data was asked for
 */
public record ImportSummary(
        Path csv,
        Path ledgerEvents,
        Path deadLetters,
        long rows,
        long imported,
        Map<LedgerEventType, Long> eventsByType,
        Map<ImportReason, Long> deadLettered,
        OffsetDateTime firstEvent,
        OffsetDateTime lastEvent,
        OffsetDateTime exportedAt,
        boolean exportTimeGiven,
        EmittedReference reference,
        Duration took) {

    /** The reference data written, and the calendar years it spans. */
    public record EmittedReference(Path dir, int grids, int departments, int categories, int firstYear,
            int lastYear) {}

    public long deadLetteredRows() {
        return deadLettered.values().stream().mapToLong(Long::longValue).sum();
    }

    public long events() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public void print(PrintStream out) {
        out.printf("Read %d rows of %s: %d imported as cases, %d dead-lettered.%n", rows, csv, imported,
                deadLetteredRows());
        StringBuilder types = new StringBuilder();
        eventsByType.forEach((type, n) -> types.append(types.isEmpty() ? "" : ", ").append(type).append(' ').append(n));
        out.printf("Ledger events: %s, %d events (%s)%s%n", ledgerEvents, events(), types,
                firstEvent == null ? "" : ", from " + firstEvent + " to " + lastEvent);
        if (exportedAt != null) {
            out.println("Exported at " + exportedAt + (exportTimeGiven ? "" : " (the newest event; the export's"
                    + " own time, from exportedAt in the mapping or --exported-at, makes a better horizon)")
                    + ": the default horizon of replay --input " + ledgerEvents.getParent());
        }
        out.println("Dead letters: " + deadLetters + (deadLettered.isEmpty() ? ", none" : ", by reason:"));
        deadLettered.forEach((reason, n) -> out.printf("  %-24s %6d%n", reason, n));
        if (reference != null) {
            out.printf("Reference data: %s (%d grids, %d departments, %d categories, calendar %s)%n", reference.dir(),
                    reference.grids(), reference.departments(), reference.categories(),
                    reference.firstYear() > reference.lastYear() ? "none"
                            : reference.firstYear() + "-" + reference.lastYear());
        }
        out.printf("Took %.1f s%n", took.toMillis() / 1000.0);
    }
}
