package org.gridwarden.rules.ingest;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admission: each record once; duplicates dropped; late records dead-lettered with their origin, never lost. */
class IngestGateTest {

    private KeyedOneInputStreamOperatorTestHarness<String, Ingested, Ingested> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new IngestGate(Duration.ofDays(7), "10m"), Ingested::dedupeKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Ingested record(String caseId, Instant at, long line) {
        LedgerEvent e = Ledger.created(caseId, at, "gas.leak", Priority.URGENT);
        return Ingested.of(e, Origin.file("ledger.events", "ledger-events.jsonl", line, "{...line " + line + "}"));
    }

    private void send(Ingested r) throws Exception {
        harness.processElement(r, r.eventTimeMillis());
    }

    @Test
    void exactDuplicate_isAdmittedOnce() throws Exception {
        Instant t = beijing("2026-11-20T09:00");
        send(record("C1", t, 1));
        send(record("C1", t, 2));
        send(record("C2", t, 3));
        List<Ingested> out = harness.extractOutputValues();
        assertEquals(List.of("C1", "C2"), out.stream().map(r -> r.ledgerEvent().caseId()).toList());
    }

    @Test
    void recordBehindTheWatermark_isDeadLetteredAsLate_withItsOrigin() throws Exception {
        harness.processWatermark(beijing("2026-11-20T10:00").toEpochMilli());
        send(record("C3", beijing("2026-11-20T09:59"), 7));
        send(record("C4", beijing("2026-11-20T10:01"), 8));
        assertEquals(List.of("C4"), harness.extractOutputValues().stream().map(r -> r.ledgerEvent().caseId()).toList());
        List<DeadLetter> late = harness.getSideOutput(IngestGate.LATE).stream().map(StreamRecord::getValue).toList();
        assertEquals(1, late.size());
        DeadLetter d = late.get(0);
        assertEquals(DeadLetter.LATE, d.reason());
        assertEquals("ledger-events.jsonl", d.source());
        assertEquals(7L, d.line());
        assertEquals("{...line 7}", d.raw());
        assertTrue(d.detail().contains("allowed lateness 10m"), d.detail());
    }
}
