package org.gridwarden.jobs.generate;

import java.util.List;
import org.gridwarden.rules.model.LedgerEvent;

/** A case's whole planned life, CREATED first, in event-time order; only the part up to the horizon gets written. */
record CasePlan(List<LedgerEvent> events, CaseOutcome outcome) {}
