package org.gridwarden.rules.complaint;

import org.gridwarden.rules.model.LedgerEvent;

/** A complaint (its CREATED event) counted for one subject, e.g. {@code complainant:P000123|fire}. */
public record SubjectComplaint(String subjectKey, LedgerEvent complaint) {}
