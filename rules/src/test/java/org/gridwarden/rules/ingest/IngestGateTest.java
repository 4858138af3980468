package org.gridwarden.rules.ingest;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission, live-like (a watermark after each record): one version of each id, chosen by event time and
 * content whatever the arrival order; same content dropped as a duplicate, other content dead-lettered as a
 * conflict naming both versions; late records dead-lettered with their origin; ids forgotten by event time.
 */
class IngestGateTest {

    static final Instant NINE = beijing("2026-11-20T09:00");

    private KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, Ingested, Ingested> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, Ingested, Ingested> newHarness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new IngestGate(Duration.ofDays(7), "10m"), IngestGate.KEY, IdKey.TYPE);
    }

    /** Case {@code caseId} created at {@code at}; the category makes other content under the same event id. */
    static Ingested record(String caseId, Instant at, String category, long line) {
        LedgerEvent e = Ledger.created(caseId, at, category, Priority.URGENT);
        return Ingested.of(e, Origin.file("ledger.events", "ledger-events.jsonl", line, "{...line " + line + "}"));
    }

    static Ingested record(String caseId, Instant at, long line) {
        return record(caseId, at, "gas.leak", line);
    }

    private void send(Ingested r) throws Exception {
        harness.processElement(r, r.eventTimeMillis());
    }

    private void watermark(Instant t) throws Exception {
        harness.processWatermark(t.toEpochMilli());
    }

    private List<String> admitted() {
        return harness.extractOutputValues().stream()
                .map(r -> r.ledgerEvent().caseId() + " " + r.ledgerEvent().category() + " " + r.origin().line())
                .toList();
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(IngestGate.DEAD_LETTERS) == null ? List.of()
                : harness.getSideOutput(IngestGate.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void sameContentTwice_isAdmittedOnce_theOtherDroppedAsADuplicate() throws Exception {
        send(record("C1", NINE, 1));
        send(record("C1", NINE, 2));
        send(record("C2", NINE, 3));
        watermark(NINE);
        send(record("C1", NINE, 4)); // behind the watermark, yet known: a duplicate, not LATE
        assertEquals(List.of("C1 gas.leak 1", "C2 gas.leak 3"), admitted());
        assertEquals(List.of(), deadLetters());
    }

    @Test
    void atEndOfInput_aLoneVersionIsAdmitted_andTheVersionsOfAnIdAreStillJudged() throws Exception {
        // a BATCH run: every record waits until its id's timers fire at the end of input
        send(record("C1", NINE.plusSeconds(60), "gas.leak", 1));
        send(record("C1", NINE, "fire.blocked_exit", 2));
        send(record("C2", NINE, 3));
        send(record("C2", NINE, 4)); // the same content again: a duplicate
        send(record("C3", NINE.plusSeconds(90), 5));
        harness.processWatermark(Long.MAX_VALUE);
        assertEquals(List.of("C1 fire.blocked_exit 2", "C2 gas.leak 3", "C3 gas.leak 5"),
                admitted().stream().sorted().toList());
        List<DeadLetter> dead = deadLetters();
        assertEquals(1, dead.size());
        assertEquals(DeadLetter.CONFLICTING_DUPLICATE, dead.get(0).reason());
        assertEquals(1L, dead.get(0).line());
    }

    @Test
    void nothingIsAdmittedBeforeTheWatermarkPassesItsEventTime() throws Exception {
        send(record("C1", NINE, 1));
        watermark(NINE.minusSeconds(1));
        assertEquals(List.of(), admitted());
        watermark(NINE);
        assertEquals(List.of("C1 gas.leak 1"), admitted());
    }

    @Test
    void otherContentUnderTheSameId_eitherOrder_admitsTheSameVersion_andDeadLettersTheOther() throws Exception {
        Ingested earlier = record("C1", NINE, "fire.blocked_exit", 1);
        Ingested later = record("C1", NINE.plusSeconds(60), "gas.leak", 2);
        for (List<Ingested> order : List.of(List.of(earlier, later), List.of(later, earlier))) {
            open();
            for (Ingested r : order) {
                send(r);
            }
            watermark(NINE.plusSeconds(60));
            assertEquals(List.of("C1 fire.blocked_exit 1"), admitted(), "the earlier event time wins");
            List<DeadLetter> dead = deadLetters();
            assertEquals(1, dead.size());
            DeadLetter d = dead.get(0);
            assertEquals(DeadLetter.CONFLICTING_DUPLICATE, d.reason());
            assertEquals(2L, d.line());
            assertEquals("{...line 2}", d.raw());
            assertTrue(d.detail().contains("eventId C1-created"), d.detail());
            assertTrue(d.detail().matches(".*admitted sha256:[0-9a-f]{16} from .*, this sha256:[0-9a-f]{16} from .*"),
                    d.detail());
            assertTrue(d.detail().contains("admitted " + AdmittedVersion.named(AdmittedVersion.digest(earlier))
                    + " from ledger-events.jsonl line 1"), d.detail());
            assertTrue(d.detail().contains("this " + AdmittedVersion.named(AdmittedVersion.digest(later))
                    + " from ledger-events.jsonl line 2"), d.detail());
            close();
        }
        open();
    }

    @Test
    void sameEventTimeOtherContent_theChoiceDoesNotDependOnArrivalOrder() throws Exception {
        Ingested a = record("C1", NINE, "fire.blocked_exit", 1);
        Ingested b = record("C1", NINE, "gas.leak", 2);
        List<String> chosen = new ArrayList<>();
        for (List<Ingested> order : List.of(List.of(a, b), List.of(b, a))) {
            open();
            for (Ingested r : order) {
                send(r);
            }
            watermark(NINE);
            assertEquals(1, admitted().size());
            assertEquals(List.of(DeadLetter.CONFLICTING_DUPLICATE),
                    deadLetters().stream().map(DeadLetter::reason).toList());
            chosen.add(admitted().get(0));
            close();
        }
        assertEquals(chosen.get(0), chosen.get(1));
        open();
    }

    @Test
    void sameEventTimeOtherContent_theSmallerDigestAsNamedWins() throws Exception {
        // two versions whose digests differ in their first bit, where signed and unsigned order disagree
        Ingested small = null;
        Ingested large = null;
        for (int i = 0; small == null || large == null; i++) {
            Ingested r = record("C1", NINE, "category.c" + i, i + 1);
            if (AdmittedVersion.digest(r) < 0) {
                large = large == null ? r : large;
            } else {
                small = small == null ? r : small;
            }
        }
        assertTrue(AdmittedVersion.named(AdmittedVersion.digest(small))
                .compareTo(AdmittedVersion.named(AdmittedVersion.digest(large))) < 0);
        send(large);
        send(small);
        watermark(NINE);
        assertEquals(List.of("C1 " + small.ledgerEvent().category() + " " + small.origin().line()), admitted());
    }

    @Test
    void aConflictOnKafka_namesBothVersionsByTopicPartitionAndOffset() throws Exception {
        LedgerEvent first = Ledger.created("C1", NINE, "gas.leak", Priority.URGENT);
        LedgerEvent other = Ledger.created("C1", NINE.plusSeconds(60), "fire.blocked_exit", Priority.URGENT);
        send(Ingested.of(first, Origin.kafka("ledger.events", "ledger.events", 3, 41L, 0L, "{first}")));
        watermark(NINE.plusSeconds(600));
        send(Ingested.of(other, Origin.kafka("ledger.events", "ledger.events", 1, 7L, 0L, "{other}")));
        DeadLetter d = deadLetters().get(0);
        assertEquals(DeadLetter.CONFLICTING_DUPLICATE, d.reason());
        assertTrue(d.detail().matches(".* from ledger\\.events partition 3 offset 41, this sha256:[0-9a-f]{16}"
                + " from ledger\\.events partition 1 offset 7"), d.detail());
    }

    @Test
    void otherContentArrivingAfterTheDecision_isAConflict_notLate() throws Exception {
        send(record("C1", NINE, "gas.leak", 1));
        watermark(NINE.plusSeconds(600));
        send(record("C1", NINE, "fire.blocked_exit", 2));
        assertEquals(List.of("C1 gas.leak 1"), admitted());
        assertEquals(List.of(DeadLetter.CONFLICTING_DUPLICATE), deadLetters().stream().map(DeadLetter::reason).toList());
    }

    @Test
    void recordBehindTheWatermark_isDeadLetteredAsLate_withItsOrigin() throws Exception {
        watermark(beijing("2026-11-20T10:00"));
        send(record("C3", beijing("2026-11-20T09:59"), 7));
        send(record("C4", beijing("2026-11-20T10:01"), 8));
        watermark(beijing("2026-11-20T10:01"));
        assertEquals(List.of("C4 gas.leak 8"), admitted());
        List<DeadLetter> late = deadLetters();
        assertEquals(1, late.size());
        DeadLetter d = late.get(0);
        assertEquals(DeadLetter.LATE, d.reason());
        assertEquals("ledger-events.jsonl", d.source());
        assertEquals(7L, d.line());
        assertEquals("{...line 7}", d.raw());
        assertTrue(d.detail().contains("allowed lateness 10m"), d.detail());
    }

    @Test
    void anIdIsRememberedForTheRetentionByEventTime_thenForgotten_stateAndTimersIncluded() throws Exception {
        send(record("C1", NINE, 1));
        watermark(NINE.plus(Duration.ofDays(7)).minusMillis(1));
        send(record("C1", NINE, "fire.blocked_exit", 2)); // still remembered: a conflict
        assertEquals(1, harness.numKeyedStateEntries());
        watermark(NINE.plus(Duration.ofDays(7)));
        assertEquals(0, harness.numKeyedStateEntries(), "the id is forgotten once the watermark passes the retention");
        assertEquals(0, harness.numEventTimeTimers());

        send(record("C1", NINE, 3)); // a resend eight days later: behind the watermark, never admitted again
        send(record("C1", NINE.plus(Duration.ofDays(8)), 4)); // the id used again eight days later by event time
        watermark(NINE.plus(Duration.ofDays(8)));
        assertEquals(List.of("C1 gas.leak 1", "C1 gas.leak 4"), admitted());
        assertEquals(List.of(DeadLetter.CONFLICTING_DUPLICATE, DeadLetter.LATE),
                deadLetters().stream().map(DeadLetter::reason).toList());
    }
}
