package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One case sent three times, once with other content, through the whole replay in both modes: admitted once,
 * the resend counted as a duplicate, the other version dead-lettered as a conflict naming both lines; the
 * complainant's ID-card and phone number reach neither the alerts nor the duplicate memory.
 */
class DuplicateVersionsReplayTest {

    private static final String CREATED = "{\"eventId\":\"D-1\",\"caseId\":\"DC-1\",\"type\":\"CREATED\","
            + "\"at\":\"2026-11-20T09:00:00+08:00\",\"channel\":\"HOTLINE\",\"category\":\"%s\","
            + "\"gridId\":\"S01C01G01\",\"priority\":\"URGENT\",\"complainantId\":\"110105199003071234\","
            + "\"address\":\"湖滨路12号 13812345678\"}";

    @Test
    void sameIdThreeTimes_admittedOnce_duplicateCounted_conflictDeadLetteredWithBothLines(@TempDir Path dir)
            throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.write(input.resolve("ledger-events.jsonl"), List.of(
                String.format(CREATED, "gas.leak"),
                String.format(CREATED, "fire.blocked_exit"),
                String.format(CREATED, "gas.leak").replace(",", ", ")));
        Files.writeString(input.resolve("grid-reports.jsonl"), "");
        AlertCodec codec = new AlertCodec();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.BATCH, RuntimeExecutionMode.STREAMING)) {
            Path out = dir.resolve(mode.name());
            ReplaySummary s = ReplayJob.run(new ReplayJob.Settings(input, out, null, 2, mode), Fixtures.reference(),
                    Fixtures.ruleSet(), System.out);
            assertEquals(3, s.in());
            assertEquals(1, s.processed(), mode + " " + s);
            assertEquals(1, s.duplicates(), mode + " " + s);
            assertEquals(1, s.conflicting(), mode + " " + s);
            assertTrue(s.balances(), mode + " " + s);

            List<DeadLetter> dlq = Files.readAllLines(out.resolve("dlq.jsonl")).stream()
                    .map(codec::decodeDeadLetter).toList();
            assertEquals(1, dlq.size());
            DeadLetter d = dlq.get(0);
            assertEquals(DeadLetter.CONFLICTING_DUPLICATE, d.reason());
            assertEquals(2L, d.line(), d.toString());
            assertTrue(d.detail().contains("eventId D-1") && d.detail().contains("ledger-events.jsonl line 1")
                    && d.detail().contains("ledger-events.jsonl line 2"), d.detail());
            assertFalse(d.detail().contains("110105199003071234") || d.detail().contains("13812345678"), d.detail());
        }
    }
}
