package org.gridwarden.rules.privacy;

import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.testing.ComplaintCases;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Complaints by a resident named by ID-card number, about an address with a mobile number in it, after the
 * personal-data guard: the repeat-complaint alerts (one per subject) carry the pseudonym and the masked address,
 * never the ID-card or the phone number, in subject key (the Kafka key), title or message, Chinese or English.
 */
class PersonalDataInAlertsTest {

    private static final String ID_CARD = "110105199003071234";
    private static final String PHONE = "13812345678";

    @Test
    void repeatComplaintAlertsCarryThePseudonym_neverTheIdCardOrPhoneNumber() throws Exception {
        Pseudonyms pseudonyms = Fixtures.samplePseudonyms();
        PersonalDataGuard guard = new PersonalDataGuard(pseudonyms);
        Instant t = beijing("2026-11-16T09:00");
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(guard.guard(complaint("K" + i, t.plus(Duration.ofDays(i))).by(ID_CARD)
                    .address("湖滨路12号3栋 联系电话" + PHONE).via(Channel.HOTLINE).event()));
        }
        List<Alert> alerts = ComplaintCases.run(RuntimeExecutionMode.STREAMING, events, ComplaintCases.alone(RuleFamily.REPEAT_COMPLAINT));

        assertEquals(2, alerts.size(), alerts.toString());
        for (Alert a : alerts) {
            for (String field : List.of(a.subjectKey(), a.title(), a.message(), a.titleEn(), a.messageEn(),
                    a.toString())) {
                assertFalse(field.contains(ID_CARD) || field.contains(PHONE), field);
                assertFalse(field.contains("5199003071"), "no run of the ID-card number: " + field);
            }
        }
        assertTrue(alerts.stream().anyMatch(a -> a.subjectKey().contains(pseudonyms.pseudonym(ID_CARD))
                && a.message().contains(pseudonyms.pseudonym(ID_CARD))
                && a.messageEn().contains(pseudonyms.pseudonym(ID_CARD))), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.subjectKey().contains("138****5678")), alerts.toString());
    }
}
