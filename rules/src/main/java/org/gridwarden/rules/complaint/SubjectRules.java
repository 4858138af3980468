package org.gridwarden.rules.complaint;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.keyed.Buffering;
import org.gridwarden.rules.keyed.HandlersByKey;
import org.gridwarden.rules.keyed.KeyedHandler;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.wire.IdKey;

/**
 * The one operator keyed by complaint subject (投诉主体: a complainant or a building or address, with the
 * category family): 重复投诉 counts the subject's complaints and 案结事不了 pairs its closures with later
 * complaints, each a handler, so a complaint crosses to its subject once for both.
 */
public final class SubjectRules extends HandlersByKey<CaseFact> {

    public static final String UID = "subject-rules";
    /** Facts by the 128-bit key of their subject. */
    public static final IdKey<CaseFact> KEY = IdKey.by(CaseFact::subjectKey);

    /** At the same instant complaints before closures, so a complaint at the very moment of a close is not after it. */
    private static final Buffering<CaseFact> BUFFERING = new Buffering<>(CaseFact.class, CaseFact::factId,
            CaseFact::at, Comparator.comparing(CaseFact::at).thenComparing(CaseFact::kind)
                    .thenComparing(CaseFact::eventId));

    public SubjectRules(List<KeyedHandler<CaseFact>> handlers) {
        super(handlers);
    }

    @Override
    protected Buffering<CaseFact> buffering() {
        return BUFFERING;
    }

    /** The subject facts keyed by subject through the handlers. */
    public static SingleOutputStreamOperator<Alert> wire(DataStream<CaseFact> facts,
            List<KeyedHandler<CaseFact>> handlers, RuleContext ctx) {
        return facts
                .keyBy(KEY)
                .process(new SubjectRules(handlers))
                .uid(ctx.uid(UID))
                .name("Rules by complaint subject (投诉主体): " + names(handlers));
    }
}
