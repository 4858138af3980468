package org.gridwarden.testkit.generate;

/**
 * The rule families whose failures the generator injects, named by their rule ids; the manifest lists, per
 * rule, the exact alert keys a replay must raise (see {@link GenerationSummary#expectedAlerts()}).
 */
enum FailureMode {
    /** 重复投诉: {@code <complainant|building|address>:<id>|<family>@<caseId of the completing complaint>}. */
    REPEAT_COMPLAINT,
    /** 案结事不了: {@code <closed caseId>}. */
    COMPLAINT_AFTER_CLOSURE,
    /** 隐患漏报: {@code <caseId>}. */
    HAZARD_NOT_REPORTED_BY_GRID,
    /** 巡查未发现: {@code <patrol reportId>}. */
    PATROL_MISSED_HAZARD,
    /** 隐患未立案: {@code <hazard reportId>}. */
    HAZARD_NOT_FILED,
    /** 网格静默: {@code <gridId>@<silence start, ISO instant>}. */
    SILENT_GRID,
    /** 群体性诉求: {@code <communityId>|<family>@<caseId of the complaint that reached the threshold>}. */
    COMPLAINT_SURGE
}
