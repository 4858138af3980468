package org.gridwarden.rules.complaint;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;

/** Each complaint under its community and category family: {@code community:<id>|<family>}. */
final class CommunityComplaints implements FlatMapFunction<LedgerEvent, SubjectComplaint> {

    private final RuleContext ctx;

    CommunityComplaints(RuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void flatMap(LedgerEvent event, Collector<SubjectComplaint> out) {
        if (Complaints.isComplaint(event, RuleFamily.COMPLAINT_SURGE, ctx)) {
            out.collect(new SubjectComplaint(subjectKey(event, ctx), event));
        }
    }

    /** The subject of a complaint's community and category family. */
    static String subjectKey(LedgerEvent complaint, RuleContext ctx) {
        String community = ctx.reference().grid(complaint.gridId()).orElseThrow().community().id();
        return "community:" + community + '|' + ctx.familyOf(complaint.category());
    }
}
