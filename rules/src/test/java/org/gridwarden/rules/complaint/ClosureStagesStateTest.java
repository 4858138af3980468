package org.gridwarden.rules.complaint;

import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.gridwarden.rules.testing.Ledger.assigned;
import static org.gridwarden.rules.testing.Ledger.closed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.wire.IdKey;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.rules.testing.Harnesses;
import org.gridwarden.rules.testing.Ledger;
import org.junit.jupiter.api.Test;

/** Each stage of 案结事不了 through the operator harness: what it emits, and that it forgets everything in time. */
class ClosureStagesStateTest {

    private static final Instant T = beijing("2026-11-16T09:00");
    private static final Duration WINDOW = Duration.ofDays(15);
    private final RuleContext ctx = RuleContext.of(Fixtures.reference(), Fixtures.ruleSet());


    private static CaseFact fact(CaseFact.Kind kind, String caseId, Instant at) {
        return new CaseFact(kind, "complainant:P1|fire", caseId, caseId + "-" + kind, at, "S01C01G01",
                "fire.blocked_exit", kind == CaseFact.Kind.CLOSURE ? "street-donghu" : null, false, true);
    }

    @Test
    void caseStage_emitsComplaintAndClosureFactsPerSubject_andForgetsTheCaseAWindowAfterTheClose() throws Exception {
        try (var h = Harnesses.byCase(new CaseSubjectFacts(ctx))) {
            for (LedgerEvent e : List.of(complaint("K1", T).by("P1").building("S01C01G01-B03").event(),
                    assigned("K1", T.plusSeconds(60), "emergency"), closed("K1", T.plusSeconds(3600)))) {
                h.processElement(e, e.at().toEpochMilli());
            }
            h.processWatermark(T.plusSeconds(3600).toEpochMilli());
            List<String> facts = Harnesses.drain(h, CaseSubjectFacts.FACTS).stream()
                    .map(f -> f.kind() + " " + f.subjectKey() + " " + f.department() + " " + f.countsForRepeats()
                            + " " + f.countsForClosures()).toList();
            assertEquals(List.of("COMPLAINT complainant:P1|fire null true true",
                    "COMPLAINT building:S01C01G01-B03|fire null true true",
                    "CLOSURE complainant:P1|fire emergency false true",
                    "CLOSURE building:S01C01G01-B03|fire emergency false true"), facts);
            h.processWatermark(T.plusSeconds(3600).plus(WINDOW).toEpochMilli());
            Harnesses.assertForgotten(h);
        }
    }

    @Test
    void caseStage_countsASecondCreatedOfACaseForRepeatsOnly() throws Exception {
        try (var h = Harnesses.byCase(new CaseSubjectFacts(ctx))) {
            LedgerEvent first = complaint("K4", T).by("P1").event();
            LedgerEvent again = new LedgerEvent("K4-created-again", "K4", LedgerEventType.CREATED, T.plusSeconds(60),
                    first.channel(), first.category(), first.gridId(), null, null, "P1", first.priority(), null, null,
                    null, null, null);
            h.processElement(again, again.at().toEpochMilli());
            h.processElement(first, first.at().toEpochMilli());
            h.processWatermark(T.plusSeconds(60).toEpochMilli());
            List<String> facts = Harnesses.drain(h, CaseSubjectFacts.FACTS).stream()
                    .map(f -> f.eventId() + " " + f.countsForRepeats() + " " + f.countsForClosures()).toList();
            assertEquals(List.of("K4-created true true", "K4-created-again true false"), facts);
        }
    }

    @Test
    void withoutComplaintsAfterClosure_complaintsLeaveAsTheyArrive_andNothingIsKept() throws Exception {
        RuleSet all = Fixtures.ruleSet();
        RuleSet noClosures = new RuleSet(all.version(), all.effectiveFrom(), all.ingest(), all.rules().stream()
                .filter(e -> !e.family().equals(RuleFamily.COMPLAINT_AFTER_CLOSURE)).toList(), all.risk());
        RuleContext repeatsOnly = RuleContext.of(Fixtures.reference(), noClosures);
        try (var h = Harnesses.byCase(new CaseSubjectFacts(repeatsOnly))) {
            LedgerEvent created = complaint("K5", T).by("P1").event();
            h.processElement(created, T.toEpochMilli());
            h.processElement(closed("K5", T.plusSeconds(60)), T.plusSeconds(60).toEpochMilli());
            List<String> facts = Harnesses.drain(h, CaseSubjectFacts.FACTS).stream()
                    .map(f -> f.kind() + " " + f.countsForRepeats() + " " + f.countsForClosures()).toList();
            assertEquals(List.of("COMPLAINT true false"), facts, "before any watermark");
            Harnesses.assertForgotten(h);
        }
    }

    @Test
    void caseStage_forgetsACaseThatNeverCloses_afterTheOpenCaseRetention() throws Exception {
        try (var h = Harnesses.byCase(new CaseSubjectFacts(ctx))) {
            LedgerEvent created = complaint("K2", T).by("P1").event();
            LedgerEvent accepted = Ledger.event("K2", LedgerEventType.ACCEPTED, T.plusSeconds(60));
            h.processElement(created, T.toEpochMilli());
            h.processElement(accepted, accepted.at().toEpochMilli());
            h.processWatermark(T.plus(Duration.ofDays(300)).toEpochMilli());
            assertEquals(1, h.numEventTimeTimers(), "one clean-up timer for the open case");
            h.processWatermark(accepted.at().plus(Duration.ofDays(365)).toEpochMilli());
            Harnesses.assertForgotten(h);
        }
    }

    @Test
    void subjectStage_pairsAClosureWithItsFirstLaterComplaintOnly_andForgetsItAfterTheWindow() throws Exception {
        try (var h = Harnesses.bySubject(new SubjectFollowUps(WINDOW))) {
            // arriving out of order: the complaints before the closure they follow
            for (CaseFact f : List.of(fact(CaseFact.Kind.COMPLAINT, "K3", T.plus(Duration.ofDays(2))),
                    fact(CaseFact.Kind.COMPLAINT, "K2", T.plus(Duration.ofDays(1))),
                    fact(CaseFact.Kind.COMPLAINT, "K0", T), fact(CaseFact.Kind.CLOSURE, "K1", T))) {
                h.processElement(f, f.at().toEpochMilli());
            }
            h.processWatermark(T.plus(WINDOW).toEpochMilli());
            List<String> pairs = Harnesses.drain(h, SubjectFollowUps.FOLLOW_UPS).stream()
                    .map(f -> f.closure().caseId() + "->" + f.complaint().caseId()).toList();
            assertEquals(List.of("K1->K2"), pairs, "a complaint at the instant of the close is not after it");
            Harnesses.assertForgotten(h);
        }
    }

    @Test
    void alertStage_keepsTheEarliestCandidateOfAClosure_andForgetsItAfterTheWindow() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, FollowUp, Alert> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ComplaintAfterClosureRule(ctx), ComplaintAfterClosureRule.KEY, IdKey.TYPE)) {
            CaseFact closure = fact(CaseFact.Kind.CLOSURE, "K1", T);
            CaseFact later = fact(CaseFact.Kind.COMPLAINT, "K3", T.plus(Duration.ofDays(2)));
            CaseFact earlier = new CaseFact(CaseFact.Kind.COMPLAINT, "building:S01C01G01-B03|fire", "K2",
                    "K2-created", T.plus(Duration.ofDays(1)), "S01C01G01", "fire.blocked_exit", null, false, true);
            h.processElement(new FollowUp(closure, later), later.at().toEpochMilli());
            h.processElement(new FollowUp(closure, earlier), earlier.at().toEpochMilli());
            h.processWatermark(T.plus(WINDOW).toEpochMilli());
            List<Alert> alerts = h.extractOutputValues();
            assertEquals(1, alerts.size(), alerts.toString());
            assertEquals(List.of("K1-CLOSURE", "K2-created"), alerts.get(0).evidence());
            Harnesses.assertForgotten(h);
        }
    }
}
