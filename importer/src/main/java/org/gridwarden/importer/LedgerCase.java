package org.gridwarden.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;

/**
 * One row of an export as a case of the service ledger (台账案件), with the city's names of what it refers to.
 *
 * @param dueAt the city's promised time (办结时限); null when the row has none
 * @param noDeadline no due time and, as the mapping says, no deadline from the rule set's time limits either
 * @param closedAt null while the case is open
 * @param category the category code and the request type it was made from
 * @param familyName the export's own name of the category's family; null when the mapping's table gave the code
 * @param department the department id and the agency's name
 * @param grid the grid id and the area's name
 */
public record LedgerCase(
        String caseId,
        Instant createdAt,
        Instant dueAt,
        boolean noDeadline,
        Instant closedAt,
        Channel channel,
        Named category,
        String familyName,
        Named department,
        Named grid,
        String address,
        String buildingId) implements RowResult {

    /**
     * CREATED (受理) with the promised time, ASSIGNED (派单) to the department at the same instant (an export
     * records the agency, not a dispatch), and CLOSED (办结) when closed. Event ids are the case id and the type,
     * so importing the same export twice gives the same ids and the second copy is dropped as a duplicate.
     */
    public List<LedgerEvent> events() {
        List<LedgerEvent> events = new ArrayList<>(3);
        events.add(new LedgerEvent(eventId(LedgerEventType.CREATED), caseId, LedgerEventType.CREATED, createdAt,
                channel, category.id(), grid.id(), buildingId, address, null, null, dueAt, null, null, null, null,
                noDeadline ? Boolean.TRUE : null));
        events.add(new LedgerEvent(eventId(LedgerEventType.ASSIGNED), caseId, LedgerEventType.ASSIGNED, createdAt,
                null, null, null, null, null, null, null, null, null, department.id(), null, null));
        if (closedAt != null) {
            events.add(new LedgerEvent(eventId(LedgerEventType.CLOSED), caseId, LedgerEventType.CLOSED, closedAt,
                    null, null, null, null, null, null, null, null, null, null, null, null));
        }
        return events;
    }

    private String eventId(LedgerEventType type) {
        return caseId + "/" + type;
    }
}
