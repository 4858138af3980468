package org.gridwarden.rules.complaint;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.wire.WireRecord;

/** A complaint (its CREATED event) counted for one subject, e.g. {@code complainant:P000123|fire}. */
@TypeInfo(WireRecord.class)
public record SubjectComplaint(String subjectKey, LedgerEvent complaint) {}
