package org.gridwarden.rules.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic alert ids: a name-based UUID of what makes an alert unique, so live and replay agree and a
 * consumer can de-duplicate at-least-once delivery.
 */
public final class AlertIds {

    private AlertIds() {}

    public static String of(String ruleId, String level, String subjectKey, String discriminator, Instant eventTime) {
        String name = ruleId + '|' + level + '|' + subjectKey + '|' + discriminator + '|' + eventTime.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
