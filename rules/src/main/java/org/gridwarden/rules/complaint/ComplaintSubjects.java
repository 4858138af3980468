package org.gridwarden.rules.complaint;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;

/** Each complaint once per subject it has (complainant; building or address), with its category family. */
final class ComplaintSubjects implements FlatMapFunction<LedgerEvent, SubjectComplaint> {

    private final RuleFamily family;
    private final RuleContext ctx;

    ComplaintSubjects(RuleFamily family, RuleContext ctx) {
        this.family = family;
        this.ctx = ctx;
    }

    @Override
    public void flatMap(LedgerEvent event, Collector<SubjectComplaint> out) {
        if (!Complaints.isComplaint(event, family, ctx)) {
            return;
        }
        for (String key : Complaints.subjectKeys(event, ctx.familyOf(event.category()))) {
            out.collect(new SubjectComplaint(key, event));
        }
    }
}
