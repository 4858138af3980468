package org.gridwarden.rules.complaint;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;

/** Each complaint under its community and category family: {@code community:<id>|<family>}. */
final class CommunityComplaints implements FlatMapFunction<LedgerEvent, SubjectComplaint> {

    private final List<Channel> channels;
    private final RuleContext ctx;

    CommunityComplaints(List<Channel> channels, RuleContext ctx) {
        this.channels = List.copyOf(channels);
        this.ctx = ctx;
    }

    @Override
    public void flatMap(LedgerEvent event, Collector<SubjectComplaint> out) {
        if (Complaints.isComplaint(event, channels)) {
            String community = ctx.reference().grid(event.gridId()).orElseThrow().community().id();
            out.collect(new SubjectComplaint(
                    "community:" + community + '|' + ctx.familyOf(event.category()), event));
        }
    }
}
