package org.gridwarden.rules.complaint;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;

/** Each complaint once per subject it has (complainant; building or address), with its category family. */
final class ComplaintSubjects implements FlatMapFunction<LedgerEvent, SubjectComplaint> {

    private final List<Channel> channels;
    private final RuleContext ctx;

    ComplaintSubjects(List<Channel> channels, RuleContext ctx) {
        this.channels = List.copyOf(channels);
        this.ctx = ctx;
    }

    @Override
    public void flatMap(LedgerEvent event, Collector<SubjectComplaint> out) {
        if (!Complaints.isComplaint(event, channels)) {
            return;
        }
        for (String key : Complaints.subjectKeys(event, ctx.familyOf(event.category()))) {
            out.collect(new SubjectComplaint(key, event));
        }
    }
}
