package org.gridwarden.rules.ruleset;

import java.io.Serializable;

/**
 * Every parameter of every rule (规则集). Safety supervisors edit it as YAML; its version goes on every alert.
 * Each rule family has its own section with an {@code enabled} switch.
 */
public record RuleSet(
        String version,
        IngestRules ingest,
        OverdueRules overdue,
        RepeatComplaintRules repeatComplaint,
        ComplaintAfterClosureRules complaintAfterClosure,
        HazardNotReportedRules hazardNotReportedByGrid,
        PatrolMissedHazardRules patrolMissedHazard,
        HazardNotFiledRules hazardNotFiled,
        SilentGridRules silentGrid,
        ComplaintSurgeRules complaintSurge) implements Serializable {}
