package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/**
 * How big one input record may be, so that no single record can stop the job or flood its outputs.
 *
 * @param recordBytes the whole record, in bytes as received; beyond it the record is dead-lettered TOO_LARGE
 * @param idChars an id field (eventId, caseId, gridId, …); beyond it FIELD_TOO_LONG
 * @param textChars a free-text field (note, address, resolution); beyond it FIELD_TOO_LONG
 */
public record IngestLimits(int recordBytes, int idChars, int textChars) implements Serializable {}
