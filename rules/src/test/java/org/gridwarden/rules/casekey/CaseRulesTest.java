package org.gridwarden.rules.casekey;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.complaint.CaseSubjectFacts;
import org.gridwarden.rules.hazard.HazardCaseTracker;
import org.gridwarden.rules.keyed.KeyScope;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.overdue.OverdueCaseRule;
import org.gridwarden.rules.testing.ComplaintCases;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Harnesses;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.Test;

/**
 * The operator keyed by case: the families that follow cases, run together, emit exactly what each emits
 * alone, on fewer timers; a timer one handler gives up stays while another still needs it.
 */
class CaseRulesTest {

    private static final Instant T = beijing("2026-11-16T09:00");
    private static final Duration LATENESS = Duration.ofMinutes(10);

    private final RuleContext ctx = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());

    @Test
    void theFamiliesTogether_emitWhatEachEmitsAlone_onFewerTimers() throws Exception {
        List<LedgerEvent> arrivals = arrivals(new Random(15));
        try (var together = Harnesses.byCase(new OverdueCaseRule(ctx), new CaseSubjectFacts(ctx),
                        new HazardCaseTracker(ctx));
                var overdue = Harnesses.byCase(new OverdueCaseRule(ctx));
                var facts = Harnesses.byCase(new CaseSubjectFacts(ctx));
                var hazards = Harnesses.byCase(new HazardCaseTracker(ctx))) {
            List<KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, LedgerEvent, Alert>> all =
                    List.of(together, overdue, facts, hazards);
            List<String> factsTogether = new ArrayList<>();
            List<String> factsAlone = new ArrayList<>();
            List<String> hazardsTogether = new ArrayList<>();
            List<String> hazardsAlone = new ArrayList<>();
            boolean fewerTimersSeen = false;
            long newest = Long.MIN_VALUE;
            for (LedgerEvent e : arrivals) {
                for (var h : all) {
                    h.processElement(e, e.at().toEpochMilli());
                }
                newest = Math.max(newest, e.at().toEpochMilli());
                long watermark = newest - LATENESS.toMillis();
                for (var h : all) {
                    h.processWatermark(watermark);
                }
                int alone = overdue.numEventTimeTimers() + facts.numEventTimeTimers() + hazards.numEventTimeTimers();
                assertTrue(together.numEventTimeTimers() <= alone);
                fewerTimersSeen |= together.numEventTimeTimers() < alone;
                factsTogether.addAll(Harnesses.drain(together, CaseSubjectFacts.FACTS).stream().map(Object::toString).toList());
                factsAlone.addAll(Harnesses.drain(facts, CaseSubjectFacts.FACTS).stream().map(Object::toString).toList());
                hazardsTogether.addAll(Harnesses.drain(together, HazardCaseTracker.CASES).stream().map(Object::toString).toList());
                hazardsAlone.addAll(Harnesses.drain(hazards, HazardCaseTracker.CASES).stream().map(Object::toString).toList());
            }
            long end = T.plus(Duration.ofDays(800)).toEpochMilli();
            for (var h : all) {
                h.processWatermark(end);
            }
            factsTogether.addAll(Harnesses.drain(together, CaseSubjectFacts.FACTS).stream().map(Object::toString).toList());
            factsAlone.addAll(Harnesses.drain(facts, CaseSubjectFacts.FACTS).stream().map(Object::toString).toList());
            hazardsTogether.addAll(Harnesses.drain(together, HazardCaseTracker.CASES).stream().map(Object::toString).toList());
            hazardsAlone.addAll(Harnesses.drain(hazards, HazardCaseTracker.CASES).stream().map(Object::toString).toList());

            List<String> alertsTogether = describe(together.extractOutputValues());
            assertFalse(alertsTogether.isEmpty(), "the input raises overdue alerts");
            // cases due at the same time may come in any order; each case's own records keep theirs
            assertEquals(sorted(describe(overdue.extractOutputValues())), sorted(alertsTogether));
            assertFalse(factsAlone.isEmpty(), "the input makes closure facts");
            assertEquals(sorted(factsAlone), sorted(factsTogether));
            assertFalse(hazardsAlone.isEmpty(), "the input has hazard cases on buildings");
            assertEquals(sorted(hazardsAlone), sorted(hazardsTogether));
            assertTrue(fewerTimersSeen, "a close is both a buffered event and a held end: one timer, not two");
            Harnesses.assertForgotten(together);
        }
    }

    @Test
    void aTimerGivenUpByOneHandler_firesForAnotherThatStillNeedsIt_andGoesWhenNeitherDoes() throws Exception {
        long t = T.toEpochMilli();
        Waker first = new Waker("first");
        Waker second = new Waker("second");
        try (var h = Harnesses.byCase(first, second)) {
            // both ask for t, then the first gives it up
            h.processElement(Ledger.event("K1", LedgerEventType.ACCEPTED, T.minusSeconds(60)), t - 60_000);
            assertEquals(1, h.numEventTimeTimers(), "one timer for one case and time");
            h.processElement(Ledger.event("K1", LedgerEventType.REPLIED, T.minusSeconds(30)), t - 30_000);
            assertEquals(1, h.numEventTimeTimers(), "the second handler still waits for it");
            h.processWatermark(t);
            assertEquals(List.of("second@" + t), Waker.woken);
            Waker.woken.clear();

            h.processElement(Ledger.event("K2", LedgerEventType.ACCEPTED, T.plusSeconds(60)), t + 60_000);
            h.processElement(Ledger.event("K2", LedgerEventType.REPLIED, T.plusSeconds(90)), t + 90_000);
            h.processElement(Ledger.event("K2", LedgerEventType.SUSPENDED, T.plusSeconds(95)), t + 95_000);
            assertEquals(0, h.numEventTimeTimers(), "neither handler needs it any more");
            h.processWatermark(t + 7_200_000);
            assertEquals(List.of(), Waker.woken);
        }
    }

    /**
     * A handler that asks for a wake-up an hour after ACCEPTED; the first handler gives it up on REPLIED, the
     * second on SUSPENDED.
     */
    private static final class Waker implements KeyedHandler<LedgerEvent> {

        static final List<String> woken = Collections.synchronizedList(new ArrayList<>());

        private final String name;
        private transient ValueState<Long> wakeAt;

        Waker(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void open(RuntimeContext runtime) {
            wakeAt = runtime.getState(new ValueStateDescriptor<>(name + "-wake", Long.class));
        }

        @Override
        public void arrived(LedgerEvent e, KeyScope<LedgerEvent> scope) throws Exception {
            LedgerEventType givesUpOn = name.equals("first") ? LedgerEventType.REPLIED : LedgerEventType.SUSPENDED;
            if (e.type() == LedgerEventType.ACCEPTED) {
                long at = e.caseId().equals("K1") ? T.toEpochMilli() : e.at().toEpochMilli() + 3_600_000;
                wakeAt.update(at);
                scope.registerTimer(at);
            } else if (e.type() == givesUpOn && wakeAt.value() != null) {
                long at = wakeAt.value();
                wakeAt.clear();
                scope.deleteTimer(this, at);
            }
        }

        @Override
        public void onTimer(long timestamp, List<LedgerEvent> ready, KeyScope<LedgerEvent> scope) throws Exception {
            if (Long.valueOf(timestamp).equals(wakeAt.value())) {
                woken.add(name + "@" + timestamp);
                wakeAt.clear();
            }
        }

        @Override
        public boolean needsTimerAt(long time) throws Exception {
            return Long.valueOf(time).equals(wakeAt.value());
        }
    }

    /**
     * Forty cases over a few days: complaints on buildings (hazard and not), assigned, extended, replied,
     * closed, cancelled, reopened or left open, arriving out of order within the lateness.
     */
    private static List<LedgerEvent> arrivals(Random random) {
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "C" + i;
            Instant created = T.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            String category = random.nextBoolean() ? ComplaintCases.BLOCKED_EXIT : ComplaintCases.NOISE;
            events.add(new LedgerEvent(id + "-created", id, LedgerEventType.CREATED, created,
                    random.nextBoolean() ? Channel.HOTLINE : Channel.APP, category, ComplaintCases.GRID,
                    "S01C01G01-B0" + random.nextInt(5), null, "P" + random.nextInt(6),
                    random.nextInt(4) == 0 ? Priority.URGENT : Priority.NORMAL, null, null, null, null, null));
            Instant at = created;
            if (random.nextBoolean()) {
                at = at.plus(Duration.ofMinutes(5 + random.nextInt(120)));
                events.add(Ledger.assigned(id, at, random.nextBoolean() ? "street-donghu" : "urban-management"));
            }
            if (random.nextInt(3) == 0) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
                events.add(Ledger.extended(id, at, at.plus(Duration.ofDays(3))));
            }
            at = at.plus(Duration.ofHours(1 + random.nextInt(24 * 8)));
            switch (random.nextInt(5)) {
                case 0 -> events.add(Ledger.event(id, LedgerEventType.REPLIED, at));
                case 1 -> events.add(Ledger.event(id, LedgerEventType.CANCELLED, at));
                case 2 -> {
                    events.add(Ledger.closed(id, at));
                    events.add(Ledger.event(id, LedgerEventType.REOPENED, at.plus(Duration.ofHours(2))));
                    events.add(Ledger.closed(id, at.plus(Duration.ofDays(1))));
                }
                default -> events.add(Ledger.closed(id, at));
            }
        }
        events.sort(Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId));
        // each event may overtake the ones up to the lateness before it
        for (int i = 1; i < events.size(); i++) {
            int j = i;
            while (j > 0 && random.nextBoolean()
                    && events.get(i).at().minus(LATENESS).isBefore(events.get(j - 1).at())) {
                j--;
            }
            events.add(j, events.remove(i));
        }
        return events;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static List<String> describe(List<Alert> alerts) {
        return alerts.stream().map(a -> a.alertId() + " " + a.ruleId() + " " + a.level() + " " + a.department()
                + " " + a.eventTime()).toList();
    }
}
