package org.gridwarden.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.junit.jupiter.api.Test;

/** An alert too large for a broker's default limits is shortened visibly, keeping who must act and when. */
class AlertCodecTest {

    @Test
    void aHugeAlert_fitsTheLimit_andKeepsItsIdRuleDepartmentAndTimes() {
        Instant t = Instant.parse("2026-11-20T01:00:00Z");
        String huge = "长".repeat(400_000);
        Alert alert = new Alert("A-1", "REPEAT_COMPLAINT", "2026.11-1", AlertLevel.WARNING, 2, huge, null, "D-ST01",
                "东湖街道办", "STREET", "S01C01G01", "湖滨一网格", "S01C01", "湖滨社区", "S01", "东湖街道", "示范区", "W0001",
                "张三", "welfare.subsidy_inquiry", "welfare", "补贴咨询", "Subsidy inquiry", huge, huge, huge, huge,
                Collections.nCopies(50_000, "E-" + "9".repeat(20)), t, t.minusSeconds(60), t.plusSeconds(1));
        AlertCodec codec = new AlertCodec();
        byte[] bytes = codec.encode(alert, 900 * 1024);

        assertTrue(bytes.length <= 900 * 1024, bytes.length + " bytes");
        Alert shortened = codec.decodeAlert(bytes);
        assertEquals(List.of("A-1", "REPEAT_COMPLAINT", "D-ST01"),
                List.of(shortened.alertId(), shortened.ruleId(), shortened.department()));
        assertEquals(List.of(t, t.minusSeconds(60), t.plusSeconds(1)),
                List.of(shortened.eventTime(), shortened.deadline(), shortened.emittedAt()));
        assertTrue(shortened.message().endsWith("…[truncated from 400,000 characters]"), "visible marker");
        assertTrue(shortened.messageEn().endsWith("…[truncated from 400,000 characters]"), "the English one too");
        assertTrue(shortened.evidence().get(shortened.evidence().size() - 1).endsWith("50,000 elements]"));
        assertEquals(alert, codec.decodeAlert(codec.encode(alert, 64 << 20)), "a record within the limit is written whole");
    }
}
