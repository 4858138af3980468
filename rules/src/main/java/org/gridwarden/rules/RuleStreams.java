package org.gridwarden.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.casekey.CaseRules;
import org.gridwarden.rules.complaint.CaseFact;
import org.gridwarden.rules.complaint.CaseSubjectFacts;
import org.gridwarden.rules.complaint.SubjectRules;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * The admitted input every rule family may read, the operators per key that the families share (by case, by
 * complaint subject), and the alert streams the families add while the workflow wires them.
 */
public final class RuleStreams {

    private final DataStream<LedgerEvent> ledgerEvents;
    private final DataStream<GridReport> gridReports;
    private final List<KeyedHandler.Factory<LedgerEvent>> caseHandlers;
    private final List<KeyedHandler.Factory<CaseFact>> subjectHandlers;
    private final RuleContext ctx;
    private final NewestEventBound.Feed newestEvent;
    private final List<DataStream<Alert>> alerts = new ArrayList<>();
    private SingleOutputStreamOperator<Alert> byCase;
    private SingleOutputStreamOperator<Alert> bySubject;

    /** The input of the {@code running} families, which are wired next. */
    public RuleStreams(DataStream<LedgerEvent> ledgerEvents, DataStream<GridReport> gridReports,
            List<RuleFamilyDefinition> running, RuleContext ctx) {
        this(ledgerEvents, gridReports, running, ctx, null);
    }

    /**
     * As above, in a bounded run that learns its horizon from its input ({@code newestEvent}, null when the
     * horizon is known or the run is live).
     */
    public RuleStreams(DataStream<LedgerEvent> ledgerEvents, DataStream<GridReport> gridReports,
            List<RuleFamilyDefinition> running, RuleContext ctx, NewestEventBound.Feed newestEvent) {
        this.ledgerEvents = ledgerEvents;
        this.gridReports = gridReports;
        // families sharing a handler declare the same factory: it runs once
        this.caseHandlers = running.stream().map(RuleFamilyDefinition::caseHandler).filter(Objects::nonNull)
                .distinct().toList();
        this.subjectHandlers = running.stream().map(RuleFamilyDefinition::subjectHandler).filter(Objects::nonNull)
                .distinct().toList();
        this.ctx = ctx;
        this.newestEvent = newestEvent;
    }

    /** The alerts of one family wired alone on this input, as a benchmark or a test of the family runs it. */
    public static DataStream<Alert> alone(RuleFamilyDefinition family, DataStream<LedgerEvent> ledgerEvents,
            DataStream<GridReport> gridReports, RuleContext ctx) {
        RuleStreams streams = new RuleStreams(ledgerEvents, gridReports, List.of(family), ctx);
        family.operator().wire(streams, ctx);
        return union(streams.alerts);
    }

    /** The alert streams as one; there must be at least one. */
    @SuppressWarnings("unchecked")
    public static DataStream<Alert> union(List<DataStream<Alert>> alerts) {
        return alerts.get(0).union(alerts.subList(1, alerts.size()).toArray(DataStream[]::new));
    }

    public DataStream<LedgerEvent> ledgerEvents() {
        return ledgerEvents;
    }

    public DataStream<GridReport> gridReports() {
        return gridReports;
    }

    /**
     * The operator keyed by case, built on first use with every running family's handler; its alerts are
     * raised once. Families take their facts for other keys from its side outputs.
     */
    public SingleOutputStreamOperator<Alert> byCase() {
        if (byCase == null) {
            if (caseHandlers.isEmpty()) {
                throw new IllegalStateException("no running rule family follows cases");
            }
            byCase = CaseRules.wire(ledgerEvents, caseHandlers.stream().map(f -> f.create(ctx)).toList(), ctx,
                    newestEvent);
            raise(byCase);
        }
        return byCase;
    }

    /**
     * The operator keyed by complaint subject, built on first use with every running family's handler on the
     * subject facts of the operator keyed by case; its alerts are raised once.
     */
    public SingleOutputStreamOperator<Alert> bySubject() {
        if (bySubject == null) {
            if (subjectHandlers.isEmpty()) {
                throw new IllegalStateException("no running rule family follows complaint subjects");
            }
            bySubject = SubjectRules.wire(byCase().getSideOutput(CaseSubjectFacts.FACTS),
                    subjectHandlers.stream().map(f -> f.create(ctx)).toList(), ctx);
            raise(bySubject);
        }
        return bySubject;
    }

    /** Adds a family's alerts to the workflow's output. */
    public void raise(DataStream<Alert> familyAlerts) {
        alerts.add(familyAlerts);
    }

    /** The alert streams added so far, in the order the families were wired. */
    public List<DataStream<Alert>> alerts() {
        return List.copyOf(alerts);
    }
}
