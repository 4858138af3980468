package org.gridwarden.rules.testing;

import java.time.Instant;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;

/** Factories for ledger events in tests; event ids are {@code <case>-<suffix>}. */
public final class Ledger {

    /** A grid of street S01 (东湖街道, office street-donghu). */
    public static final String GRID = "S01C01G01";

    private Ledger() {}

    public static LedgerEvent created(String caseId, Instant at, String category, Priority priority) {
        return created(caseId, at, category, priority, Channel.HOTLINE, null);
    }

    public static LedgerEvent created(String caseId, Instant at, String category, Priority priority, Channel channel,
            Instant dueAt) {
        return new LedgerEvent(caseId + "-created", caseId, LedgerEventType.CREATED, at, channel, category, GRID,
                null, null, "P-" + caseId, priority, dueAt, null, null, null, null);
    }

    public static LedgerEvent assigned(String caseId, Instant at, String department) {
        return new LedgerEvent(caseId + "-assigned-" + at.getEpochSecond(), caseId, LedgerEventType.ASSIGNED, at,
                null, null, null, null, null, null, null, null, null, department, null, null);
    }

    public static LedgerEvent extended(String caseId, Instant at, Instant dueAt) {
        return new LedgerEvent(caseId + "-extended-" + at.getEpochSecond(), caseId, LedgerEventType.EXTENDED, at,
                null, null, null, null, null, null, null, dueAt, null, null, null, null);
    }

    public static LedgerEvent closed(String caseId, Instant at) {
        return new LedgerEvent(caseId + "-closed-" + at.getEpochSecond(), caseId, LedgerEventType.CLOSED, at, null,
                null, null, null, null, null, null, null, null, null, "已处理", 5);
    }

    /** Any type without payload: ACCEPTED, SUSPENDED, RESUMED, REPLIED, REOPENED, CANCELLED. */
    public static LedgerEvent event(String caseId, LedgerEventType type, Instant at) {
        return new LedgerEvent(caseId + "-" + type.name().toLowerCase() + "-" + at.getEpochSecond(), caseId, type, at,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
