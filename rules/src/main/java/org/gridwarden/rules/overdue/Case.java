package org.gridwarden.rules.overdue;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * A case (案件) as its CREATED event (受理) described it.
 *
 * @param explicitDueAt the deadline promised on CREATED, if any; else the rule set's time limit applies
 * @param noDeadline CREATED said the case has no deadline: no time limit applies to it, not even after REOPENED
 */
@TypeInfo(WireRecord.class)
public record Case(
        String caseId,
        String category,
        String gridId,
        String buildingId,
        Channel channel,
        Priority priority,
        Instant createdAt,
        String createdEventId,
        Instant explicitDueAt,
        boolean noDeadline) {}
