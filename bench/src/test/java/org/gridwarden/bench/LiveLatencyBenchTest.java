package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.gridwarden.bench.LatencyResult;
import org.gridwarden.bench.LatencySettings;
import org.gridwarden.bench.LiveLatencyBench;
import org.gridwarden.bench.RecordedInput;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live latency benchmark measures what it says: alerts of the live job read from the department topics, each
 * matched to the produced line that decided it, never before it, at the rate asked for.
 */
class LiveLatencyBenchTest {

    @Test
    void aShortAtLeastOnceRun_measuresAlertsAgainstTheLinesThatDecidedThem() throws Exception {
        LatencySettings settings = new LatencySettings(2_000, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(2), DeliveryGuarantee.AT_LEAST_ONCE, Duration.ofMillis(200), 2);

        LatencyResult r = LiveLatencyBench.run(GeneratedDays.sixty().dir(), Fixtures.reference(),
                RuleSetHistory.of(Fixtures.ruleSet()), settings, System.out::println);

        System.out.println(r);
        assertTrue(r.alertsMeasured() > 0, "alerts decided in the window were read: " + r);
        assertEquals(0, r.unmatched(), "every alert read matches a produced line: " + r);
        assertTrue(r.minMillis() >= 0, "no alert is read before the line that decided it: " + r);
        assertTrue(Math.abs(r.achievedEventsPerSecond() - 2_000) <= 400, "the rate holds within 20 %: " + r);
    }

    @Test
    void linesArePlayedPerStreamInRecordedOrder_mergedOnTheEventTimeEachStreamHasReached(@TempDir Path dir)
            throws Exception {
        Files.write(dir.resolve("grid-reports.jsonl"), List.of(
                report("R1", "10:00"), report("R2-late", "09:55"), "{not json", report("R3", "10:20")));
        Files.write(dir.resolve("ledger-events.jsonl"), List.of(ledger("E1", "10:05"), "", ledger("E2", "10:10")));

        RecordedInput input = RecordedInput.read(dir, 6);

        assertEquals(List.of("R1", "R2-late", "{not json", "E1", "E2", "R3"),
                IntStream.range(0, input.size()).mapToObj(i -> idOf(input, i)).toList());
        assertEquals(3, input.firstAtOrAfter(at("10:01")), "the first line at or after 10:01 is E1");
        assertEquals(0, input.firstAtOrAfter(at("09:55")), "R1 is the first line at or after 09:55, not R2-late");
        assertEquals(6, input.firstAtOrAfter(at("10:21")), "no line reaches 10:21");
    }

    @Test
    void anInputShorterThanTheRun_isRefusedWithWhatItHoldsAndNeeds(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("grid-reports.jsonl"), List.of(report("R1", "10:00")));
        Files.write(dir.resolve("ledger-events.jsonl"), List.of(ledger("E1", "10:05"), ledger("E2", "10:10")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordedInput.read(dir, 5));

        assertEquals(dir + " holds 3 input lines, fewer than the 5 this run produces; generate more days",
                e.getMessage());
    }

    private static String report(String id, String time) {
        return "{\"reportId\":\"" + id + "\",\"gridId\":\"S01C01G01\",\"observedAt\":\"2026-11-02T" + time
                + ":00+08:00\"}";
    }

    private static String ledger(String id, String time) {
        return "{\"eventId\":\"" + id + "\",\"caseId\":\"C1\",\"at\":\"2026-11-02T" + time + ":00+08:00\"}";
    }

    private static long at(String time) {
        return OffsetDateTime.parse("2026-11-02T" + time + ":00+08:00").toInstant().toEpochMilli();
    }

    private static String idOf(RecordedInput input, int i) {
        String text = new String(input.value(i), StandardCharsets.UTF_8);
        int id = text.indexOf("Id\":\"");
        return id < 0 ? text : text.substring(id + 5, text.indexOf('"', id + 5));
    }
}
