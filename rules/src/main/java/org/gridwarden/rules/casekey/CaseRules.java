package org.gridwarden.rules.casekey;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.NewestEventBound;
import org.gridwarden.rules.keyed.Buffering;
import org.gridwarden.rules.keyed.HandlersByKey;
import org.gridwarden.rules.keyed.HandlersUpToNewestEvent;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.wire.IdKey;

/**
 * The one operator keyed by case (案件): every rule family that follows a case (overdue and sign-for, the
 * subject facts of 重复投诉 and 案结事不了, the hazard cases of 巡查未发现) runs here as a handler, so a ledger
 * event crosses the network once for all of them.
 */
public final class CaseRules extends HandlersByKey<LedgerEvent> {

    public static final String UID = "case-rules";
    /** Ledger events by the 128-bit key of their case id. */
    public static final IdKey<LedgerEvent> KEY = IdKey.by(LedgerEvent::caseId);

    /** Same-time events of a case in a fixed order, so every run and every handler agrees. */
    private static final Buffering<LedgerEvent> BUFFERING = new Buffering<>(LedgerEvent.class, LedgerEvent::eventId,
            LedgerEvent::at, Comparator.comparing(LedgerEvent::at).thenComparing(LedgerEvent::type)
                    .thenComparing(LedgerEvent::eventId));

    public CaseRules(List<KeyedHandler<LedgerEvent>> handlers) {
        super(handlers);
    }

    @Override
    protected Buffering<LedgerEvent> buffering() {
        return BUFFERING;
    }

    /**
     * The ledger events keyed by case through the handlers; the families take their side outputs from it.
     *
     * @param newestEvent in a bounded run without a known horizon, the newest event time read, after which the
     *     overdue handler raises nothing; else null
     */
    public static SingleOutputStreamOperator<Alert> wire(DataStream<LedgerEvent> ledgerEvents,
            List<KeyedHandler<LedgerEvent>> handlers, RuleContext ctx, NewestEventBound.Feed newestEvent) {
        SingleOutputStreamOperator<Alert> byCase = newestEvent == null
                ? ledgerEvents.keyBy(KEY).process(new CaseRules(handlers))
                : ledgerEvents.keyBy(KEY).connect(newestEvent.broadcast())
                        .process(new UpToNewestEvent(handlers, newestEvent.readers()));
        return byCase.uid(ctx.uid(UID)).name("Rules by case (案件): " + names(handlers));
    }

    /** The same handlers in a bounded run whose horizon the job learns from its input. */
    public static final class UpToNewestEvent extends HandlersUpToNewestEvent<LedgerEvent> {

        public UpToNewestEvent(List<KeyedHandler<LedgerEvent>> handlers, int readers) {
            super(handlers, readers);
        }

        @Override
        protected Buffering<LedgerEvent> buffering() {
            return BUFFERING;
        }
    }
}
