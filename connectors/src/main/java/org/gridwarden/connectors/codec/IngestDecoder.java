package org.gridwarden.connectors.codec;

import static org.gridwarden.rules.model.DeadLetter.FIELD_TOO_LONG;
import static org.gridwarden.rules.model.DeadLetter.FUTURE;
import static org.gridwarden.rules.model.DeadLetter.IMPOSSIBLE_TIME;
import static org.gridwarden.rules.model.DeadLetter.INVALID_VALUE;
import static org.gridwarden.rules.model.DeadLetter.MALFORMED_JSON;
import static org.gridwarden.rules.model.DeadLetter.MISSING_FIELD;
import static org.gridwarden.rules.model.DeadLetter.UNREADABLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.gridwarden.rules.ingest.IngestValidator;
import org.gridwarden.rules.ingest.Problem;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.IngestLimits;
import org.gridwarden.rules.ruleset.IngestRules;

/**
 * Input contract v1 (DESIGN §4): one JSON object per record in, a typed record or a dead letter naming the
 * field and the problem out. Never throws on bad input. The Jackson mapper is created once per task.
 *
 * <p>Two paths, one result: a plain record (every contract field of its own JSON type) is read by a streaming
 * parse and its times in the contract's usual form without a formatter; anything else is read as a JSON tree
 * and its times by {@link OffsetDateTime#parse}, which name every problem exactly.
 */
public final class IngestDecoder implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String GRID_REPORTS = "grid.reports";
    public static final String LEDGER_EVENTS = "ledger.events";

    /** The fields of free text; every other field is an id or a code, held to the shorter limit. */
    private static final Set<String> FREE_TEXT = Set.of("note", "address", "resolution");

    private final IngestValidator validator;
    private final long futureToleranceMillis;
    private final IngestLimits limits;
    private final boolean fastPath;
    private transient ObjectMapper mapper;

    public IngestDecoder(ReferenceData reference, IngestRules ingest) {
        this(reference, ingest, true);
    }

    private IngestDecoder(ReferenceData reference, IngestRules ingest, boolean fastPath) {
        this.validator = new IngestValidator(reference);
        this.futureToleranceMillis = ingest.futureTolerance().toDuration().toMillis();
        this.limits = ingest.limits();
        this.fastPath = fastPath;
    }

    /**
     * A decoder without the fast path: every record read as a JSON tree and every time by the formatter. It
     * decodes exactly as the usual one; the benchmark measures the fast path against it.
     */
    public static IngestDecoder treeOnly(ReferenceData reference, IngestRules ingest) {
        return new IngestDecoder(reference, ingest, false);
    }

    /**
     * Decodes a record of the given stream ({@link #GRID_REPORTS} or {@link #LEDGER_EVENTS}) from its bytes as
     * received; {@code origin} says where it came from (its raw text is set here).
     */
    public Ingested decode(String stream, Origin origin, byte[] bytes) {
        DeadLetter unusable = RecordBytes.tooLarge(origin, bytes, limits.recordBytes());
        if (unusable == null) {
            unusable = RecordBytes.notUtf8(origin, bytes);
        }
        return unusable != null ? Ingested.of(unusable)
                : decode(stream, origin.withRaw(new String(bytes, StandardCharsets.UTF_8)));
    }

    private Ingested decode(String stream, Origin origin) {
        try {
            ContractFields fields = fastPath ? StreamedFields.readPlain(mapper().getFactory(), origin.raw()) : null;
            if (fields == null) {
                JsonNode node = mapper().readTree(origin.raw());
                if (node == null || !node.isObject()) {
                    return Ingested.of(origin.deadLetter(MALFORMED_JSON, "not a JSON object"));
                }
                fields = new TreeFields(node);
            }
            return LEDGER_EVENTS.equals(stream) ? ledgerEvent(fields, origin) : gridReport(fields, origin);
        } catch (JsonProcessingException e) {
            return Ingested.of(origin.deadLetter(MALFORMED_JSON, "not JSON: " + e.getOriginalMessage()));
        } catch (BadField e) {
            return Ingested.of(origin.deadLetter(e.reason, e.getMessage()));
        } catch (RuntimeException e) {
            // whatever else a hostile record can do to the parser stays with that record
            return Ingested.of(origin.deadLetter(UNREADABLE, "cannot be read: " + shortened(e.toString())));
        }
    }

    private Ingested gridReport(ContractFields n, Origin origin) {
        GridReport r = new GridReport(
                required(n, "reportId"),
                required(n, "gridId"),
                required(n, "workerId"),
                enumValue(n, "kind", ReportKind.class, true),
                text(n, "category"),
                n.integer("severity"),
                text(n, "buildingId"),
                n.bool("hazardFound"),
                text(n, "caseId"),
                time(n, "observedAt", true),
                time(n, "reportedAt", false),
                text(n, "note"));
        Optional<Problem> problem = validator.check(r).or(() -> future("observedAt", r.observedAt(), origin));
        return problem.isPresent()
                ? Ingested.of(origin.deadLetter(problem.get().reason(), problem.get().detail()))
                : Ingested.of(r, origin);
    }

    private Ingested ledgerEvent(ContractFields n, Origin origin) {
        LedgerEvent e = new LedgerEvent(
                required(n, "eventId"),
                required(n, "caseId"),
                enumValue(n, "type", LedgerEventType.class, true),
                time(n, "at", true),
                enumValue(n, "channel", Channel.class, false),
                text(n, "category"),
                text(n, "gridId"),
                text(n, "buildingId"),
                text(n, "address"),
                text(n, "complainantId"),
                enumValue(n, "priority", Priority.class, false),
                time(n, "dueAt", false),
                text(n, "sourceReportId"),
                text(n, "department"),
                text(n, "resolution"),
                n.integer("satisfaction"),
                n.bool("noDeadline"));
        Optional<Problem> problem = validator.check(e).or(() -> future("at", e.at(), origin));
        return problem.isPresent()
                ? Ingested.of(origin.deadLetter(problem.get().reason(), problem.get().detail()))
                : Ingested.of(e, origin);
    }

    /**
     * An event time further ahead than the tolerance of when the record arrived (or of the wall clock, if
     * that is earlier) comes from a wrong clock: obeyed, it would move the job's event time past every deadline.
     */
    private Optional<Problem> future(String field, Instant eventTime, Origin origin) {
        if (origin.arrivedAt() == null) {
            return Optional.empty();
        }
        long seen = Math.min(origin.arrivedAt(), System.currentTimeMillis());
        long ahead = eventTime.toEpochMilli() - seen;
        if (ahead <= futureToleranceMillis) {
            return Optional.empty();
        }
        return Optional.of(new Problem(FUTURE, "field '" + field + "': " + eventTime + " is " + Duration.ofMillis(ahead)
                + " ahead of the record's arrival at " + Instant.ofEpochMilli(seen) + ", more than the "
                + Duration.ofMillis(futureToleranceMillis) + " allowed (ingest.futureTolerance)"));
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = Json.newMapper();
        }
        return mapper;
    }

    private String text(ContractFields n, String field) {
        String s = n.text(field);
        if (s == null) {
            return null;
        }
        boolean freeText = FREE_TEXT.contains(field);
        int limit = freeText ? limits.textChars() : limits.idChars();
        if (s.length() > limit && s.codePointCount(0, s.length()) > limit) {
            throw new BadField(FIELD_TOO_LONG, String.format("field '%s': %,d characters, more than the %,d allowed for %s",
                    field, s.codePointCount(0, s.length()), limit,
                    freeText ? "free text (ingest.limits.textChars)" : "an id (ingest.limits.idChars)"));
        }
        return s.isBlank() ? null : s;
    }

    private String required(ContractFields n, String field) {
        String s = text(n, field);
        if (s == null) {
            throw new BadField(MISSING_FIELD, "field '" + field + "' is required");
        }
        return s;
    }

    private <E extends Enum<E>> E enumValue(ContractFields n, String field, Class<E> type, boolean needed) {
        String s = needed ? required(n, field) : text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new BadField(INVALID_VALUE, "field '" + field + "': '" + s + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private Instant time(ContractFields n, String field, boolean needed) {
        String s = needed ? required(n, field) : text(n, field);
        if (s == null) {
            return null;
        }
        Instant usual = fastPath ? ContractTimes.usualForm(s) : null;
        if (usual != null) {
            return usual;
        }
        try {
            // timers are milliseconds: a finer time would wake its timer just before itself, and never fire
            return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            throw new BadField(IMPOSSIBLE_TIME, "field '" + field + "': '" + s
                    + "' is not an ISO-8601 time with offset such as 2026-11-20T09:30:00+08:00");
        }
    }

    private static String shortened(String message) {
        return message.length() <= 500 ? message : message.substring(0, 500) + "…";
    }
}
