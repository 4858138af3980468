package org.gridwarden.rules.model;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.wire.WireRecord;

/**
 * An early-warning alert (预警), enriched so that the responsible department can act on it without
 * looking anything up: who must act, where, about what, since when, and on which evidence.
 *
 * @param alertId deterministic: the same input gives the same id, live or replay
 * @param subjectKey what the alert is about (a case, grid or building); the Kafka key, so one subject stays ordered
 * @param eventTime the event time at which the alert became true
 * @param deadline the deadline the alert is about, when it has one
 * @param title the one-line title in Chinese; {@code titleEn} says the same in English
 * @param message the message in Chinese; {@code messageEn} says the same in English
 * @param emittedAt wall time at which the alert left the job; set at the sink, null inside the pipeline
 */
@TypeInfo(WireRecord.class)
public record Alert(
        String alertId,
        String ruleId,
        String ruleSetVersion,
        AlertLevel level,
        int severity,
        String subjectKey,
        String caseId,
        String department,
        String departmentName,
        String departmentTier,
        String gridId,
        String gridName,
        String communityId,
        String communityName,
        String streetId,
        String streetName,
        String district,
        String workerId,
        String workerName,
        String categoryCode,
        String categoryFamily,
        String categoryName,
        String categoryNameEn,
        String title,
        String message,
        String titleEn,
        String messageEn,
        List<String> evidence,
        Instant eventTime,
        Instant deadline,
        Instant emittedAt) {

    public Alert withEmittedAt(Instant at) {
        return new Alert(alertId, ruleId, ruleSetVersion, level, severity, subjectKey, caseId, department,
                departmentName, departmentTier, gridId, gridName, communityId, communityName, streetId, streetName,
                district, workerId, workerName, categoryCode, categoryFamily, categoryName, categoryNameEn, title,
                message, titleEn, messageEn, evidence, eventTime, deadline, at);
    }
}
