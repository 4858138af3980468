package org.gridwarden.jobs.family;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.EventTimeBuffer;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilyDefinition;
import org.gridwarden.rules.alert.AlertFactory.Finding;
import org.gridwarden.rules.alert.AlertLabel;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.LookBack;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleParameters;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;
import org.gridwarden.rules.ruleset.TimeSpan;

/**
 * A rule family that exists only in tests, declared the way a shipped one is: a WARNING to the grid's street
 * office at every {@code every}-th case created in a grid. It proves that a family reaches the workflow through
 * its registry line alone, with the shared event-time buffer, and with no generic type.
 */
public final class NthCaseFamily {

    public static final String RULE_ID = "NTH_CASE";
    public static final RuleFamily SECTION = new RuleFamily("nth-case", NthCaseRules.class);

    /** The one registry line. */
    public static final RuleFamilyDefinition DEFINITION = RuleFamilyDefinition.of(SECTION,
            new Bilingual("每N件案件", "Every n-th case"), "grid",
            (in, ctx) -> in.raise(NthCaseRule.detect(in.ledgerEvents(), ctx)),
            LookBack.period(SECTION, NthCaseRules::lookBack),
            new AlertLabel(RULE_ID, new Bilingual("第N件案件", "N-th case")));

    private NthCaseFamily() {}

    /** The family's rule-set section. */
    public record NthCaseRules(boolean enabled, int every) implements RuleParameters {

        /** Counting never looks back further than the case itself. */
        TimeSpan lookBack() {
            return TimeSpan.parse("1s");
        }
    }

    static final class NthCaseRule extends KeyedProcessFunction<String, LedgerEvent, Alert> {

        static final String UID = "nth-case-rule";

        private final RuleContext ctx;
        private transient EventTimeBuffer<LedgerEvent> pending;
        private transient ValueState<Integer> counted;

        NthCaseRule(RuleContext ctx) {
            this.ctx = ctx;
        }

        static DataStream<Alert> detect(DataStream<LedgerEvent> ledgerEvents, RuleContext ctx) {
            return ledgerEvents
                    .filter(e -> e.type() == LedgerEventType.CREATED).uid(ctx.uid(UID + "-created")).name("Created")
                    .keyBy(LedgerEvent::gridId)
                    .process(new NthCaseRule(ctx))
                    .uid(ctx.uid(UID)).name("Every n-th case");
        }

        @Override
        public void open(OpenContext openContext) {
            pending = EventTimeBuffer.open(getRuntimeContext(), "pending-cases", LedgerEvent.class, LedgerEvent::at,
                    Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::eventId));
            counted = getRuntimeContext().getState(new ValueStateDescriptor<>("counted", Types.INT));
        }

        @Override
        public void processElement(LedgerEvent e, Context c, Collector<Alert> out) throws Exception {
            pending.add(e.eventId(), e, c.timerService());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext c, Collector<Alert> out) throws Exception {
            int n = counted.value() == null ? 0 : counted.value();
            for (LedgerEvent e : pending.takeReady(timestamp)) {
                InForce<NthCaseRules> rules = ctx.<NthCaseRules>inForce(SECTION, e.at(), e.gridId(), e.category())
                        .orElse(null);
                if (rules == null) {
                    continue;
                }
                n++;
                if (n % rules.parameters().every() == 0) {
                    out.collect(alert(e, n, rules));
                }
            }
            counted.update(n);
        }

        private Alert alert(LedgerEvent e, int n, InForce<NthCaseRules> rules) {
            GridPlace place = ctx.reference().grid(e.gridId()).orElseThrow();
            Bilingual text = new Bilingual("第" + n + "件案件", "Case number " + n);
            return ctx.alerts().create(new Finding(RULE_ID, AlertLevel.WARNING, "grid:" + e.gridId(), e.eventId(),
                    e.caseId(), ctx.reference().department(place.street().department()).orElseThrow(), e.gridId(),
                    e.category(), text, text, List.of(e.eventId()), e.at(), null), rules.version());
        }
    }
}
