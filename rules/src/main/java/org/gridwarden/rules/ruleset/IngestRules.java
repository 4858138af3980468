package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/**
 * How input is admitted.
 *
 * @param allowedLateness how far behind the newest event time a record may arrive and still be handled as
 *     if in order; beyond it the record is dead-lettered as LATE. Also the watermark's out-of-orderness bound.
 * @param duplicateRetention how long past its event time (by the watermark) an id is remembered to judge duplicates
 */
public record IngestRules(TimeSpan allowedLateness, TimeSpan duplicateRetention) implements Serializable {}
