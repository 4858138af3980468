package org.gridwarden.rules.ruleset;

import java.io.Serializable;
import java.util.Map;

/**
 * How input is admitted.
 *
 * @param allowedLateness how far behind the newest event time a record may arrive and still be handled as
 *     if in order; beyond it the record is dead-lettered as LATE. Also the watermark's out-of-orderness bound.
 * @param duplicateRetention how long past its event time (by the watermark) an id is remembered to judge duplicates
 * @param futureTolerance how far ahead of its arrival (and of the wall clock) a record's event time may lie;
 *     beyond it the record is dead-lettered as FUTURE
 * @param limits the size limits of a record and its fields
 */
public record IngestRules(TimeSpan allowedLateness, TimeSpan duplicateRetention, TimeSpan futureTolerance,
        IngestLimits limits) implements Serializable {

    /** What a rule set that does not name these fields gets (rule sets written before they existed). */
    static final Map<String, Object> DEFAULTS = Map.of("futureTolerance", "15m",
            "limits", Map.of("recordBytes", 65_536, "idChars", 128, "textChars", 4_096));

    public IngestRules withDuplicateRetention(TimeSpan retention) {
        return new IngestRules(allowedLateness, retention, futureTolerance, limits);
    }
}
