package org.gridwarden.app.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.testing.Fixtures;

/** Real alerts of the sample district: the district week's expected alerts, by their line number (0-based). */
final class WatchAlerts {

    private static List<Alert> alerts;

    private WatchAlerts() {}

    static synchronized Alert alert(int index) {
        if (alerts == null) {
            AlertCodec codec = new AlertCodec();
            try {
                alerts = Files.readAllLines(Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl"))
                        .stream().filter(l -> !l.isBlank()).map(codec::decodeAlert).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return alerts.get(index);
    }

    /** The same alert at another level (and for another case), for layout tests. */
    static Alert with(Alert a, AlertLevel level, String caseId) {
        return new Alert(a.alertId(), a.ruleId(), a.ruleSetVersion(), level, level.severity(), a.subjectKey(), caseId,
                a.department(), a.departmentName(), a.departmentTier(), a.gridId(), a.gridName(), a.communityId(),
                a.communityName(), a.streetId(), a.streetName(), a.district(), a.workerId(), a.workerName(),
                a.categoryCode(), a.categoryFamily(), a.categoryName(), a.categoryNameEn(), a.title(), a.message(),
                a.titleEn(), a.messageEn(), a.evidence(), a.eventTime(), a.deadline(), a.emittedAt());
    }
}
