package org.gridwarden.rules.ingest;

import static org.gridwarden.rules.model.DeadLetter.IMPOSSIBLE_TIME;
import static org.gridwarden.rules.model.DeadLetter.INVALID_VALUE;
import static org.gridwarden.rules.model.DeadLetter.MISSING_FIELD;
import static org.gridwarden.rules.model.DeadLetter.UNKNOWN_REFERENCE;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * The domain half of the input contract (DESIGN §4): fields required per kind or type, references to the
 * district's grids, categories and departments, and times that cannot be. Decoding (JSON, enums, timestamp
 * syntax) happens before, in the codec.
 */
public final class IngestValidator implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Times outside this range are typing errors or broken clocks, not events. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final ReferenceData reference;

    public IngestValidator(ReferenceData reference) {
        this.reference = reference;
    }

    public Optional<Problem> check(GridReport r) {
        if (reference.grid(r.gridId()).isEmpty()) {
            return unknown("gridId", r.gridId(), "grid");
        }
        if (r.kind().needsCategory() && r.category() == null) {
            return Optional.of(new Problem(MISSING_FIELD, "field 'category' is required on a " + r.kind() + " report"));
        }
        if (r.category() != null && reference.category(r.category()).isEmpty()) {
            return unknown("category", r.category(), "category");
        }
        if (r.severity() != null && (r.severity() < 1 || r.severity() > 4)) {
            return Optional.of(new Problem(INVALID_VALUE, "field 'severity': " + r.severity() + " is not in 1-4"));
        }
        Optional<Problem> time = plausible("observedAt", r.observedAt());
        if (time.isPresent()) {
            return time;
        }
        if (r.reportedAt() != null && r.reportedAt().isBefore(r.observedAt())) {
            return Optional.of(new Problem(IMPOSSIBLE_TIME, "field 'reportedAt' (" + r.reportedAt()
                    + ") is before 'observedAt' (" + r.observedAt() + ")"));
        }
        return Optional.empty();
    }

    public Optional<Problem> check(LedgerEvent e) {
        Optional<Problem> time = plausible("at", e.at());
        if (time.isPresent()) {
            return time;
        }
        switch (e.type()) {
            case CREATED -> {
                if (e.channel() == null) {
                    return missing("channel", e);
                }
                if (e.category() == null) {
                    return missing("category", e);
                }
                if (e.gridId() == null) {
                    return missing("gridId", e);
                }
                if (reference.grid(e.gridId()).isEmpty()) {
                    return unknown("gridId", e.gridId(), "grid");
                }
                if (reference.category(e.category()).isEmpty()) {
                    return unknown("category", e.category(), "category");
                }
                if (e.dueAt() != null && e.withoutDeadline()) {
                    return Optional.of(new Problem(INVALID_VALUE, "fields 'dueAt' and 'noDeadline' contradict each"
                            + " other: a case has a deadline or none"));
                }
                if (e.dueAt() != null && !e.dueAt().isAfter(e.at())) {
                    return Optional.of(new Problem(IMPOSSIBLE_TIME, "field 'dueAt' (" + e.dueAt()
                            + ") is not after 'at' (" + e.at() + ")"));
                }
            }
            case ASSIGNED -> {
                if (e.department() == null) {
                    return missing("department", e);
                }
                if (reference.department(e.department()).isEmpty()) {
                    return unknown("department", e.department(), "department");
                }
            }
            case EXTENDED -> {
                if (e.dueAt() == null) {
                    return missing("dueAt", e);
                }
                return plausible("dueAt", e.dueAt());
            }
            case CLOSED -> {
                if (e.satisfaction() != null && (e.satisfaction() < 1 || e.satisfaction() > 5)) {
                    return Optional.of(new Problem(INVALID_VALUE,
                            "field 'satisfaction': " + e.satisfaction() + " is not in 1-5"));
                }
            }
            default -> {}
        }
        return Optional.empty();
    }

    private static Optional<Problem> plausible(String field, Instant t) {
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            return Optional.of(new Problem(IMPOSSIBLE_TIME, "field '" + field + "': " + t
                    + " lies outside 2000-2099"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> missing(String field, LedgerEvent e) {
        return Optional.of(new Problem(MISSING_FIELD, "field '" + field + "' is required on " + e.type()));
    }

    private static Optional<Problem> unknown(String field, String value, String what) {
        return Optional.of(new Problem(UNKNOWN_REFERENCE,
                "field '" + field + "': no " + what + " '" + value + "' in the reference data"));
    }
}
