package org.gridwarden.rules.complaint;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * What the closure rule remembers of a case between its CREATED and its CLOSED: where, what, about whom, and
 * who holds it now.
 *
 * @param department the latest ASSIGNED department, else the category's first-tier department
 * @param closedAt the latest close, null while the case is open (again)
 * @param lastEventAt the time of its latest event, for forgetting a case that never closes
 * @param cleanupTimer the clean-up timer currently registered (epoch millis), null before the first one
 */
@TypeInfo(WireRecord.class)
public record CaseMemory(
        String gridId, String category, List<String> subjects, String department, Instant closedAt,
        Instant lastEventAt, Long cleanupTimer) {

    CaseMemory withDepartment(String d, Instant at) {
        return new CaseMemory(gridId, category, subjects, d, closedAt, at, cleanupTimer);
    }

    CaseMemory withClosedAt(Instant closed, Instant at) {
        return new CaseMemory(gridId, category, subjects, department, closed, at, cleanupTimer);
    }

    CaseMemory withCleanupTimer(long timer) {
        return new CaseMemory(gridId, category, subjects, department, closedAt, lastEventAt, timer);
    }
}
