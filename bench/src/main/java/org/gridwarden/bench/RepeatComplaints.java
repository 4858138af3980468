package org.gridwarden.bench;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.complaint.Complaints;
import org.gridwarden.rules.complaint.RepeatComplaintRule;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.ruleset.RepeatComplaintRules;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;

/**
 * Repeated complaints (重复投诉) in plain Java for the benchmark baseline, complaints taken in event-time order:
 * per subject (complainant, building or address, each with the category family, as
 * {@link Complaints#subjectKeys} builds them) the times of the complaints still inside the window, in a
 * HashMap. The complaint that makes {@code threshold} within {@code window} (from the rule-set entry in force
 * for it, which also says which channels count) raises an alert, and counting restarts after it. A subject
 * is forgotten once its newest complaint is older than the longest window. Counts the alerts of
 * {@link RepeatComplaintRule} and builds none.
 */
final class RepeatComplaints {

    private final RuleContext ctx;
    private final long longestWindow;
    /** In access order: subjects touched longest ago come first, which are the ones to forget. */
    private final LinkedHashMap<String, ArrayDeque<Long>> subjects = new LinkedHashMap<>(1 << 10, 0.75f, true);
    private long alerts;

    RepeatComplaints(RuleContext ctx) {
        this.ctx = ctx;
        this.longestWindow = ctx.history().<RepeatComplaintRules>longest(RuleFamily.REPEAT_COMPLAINT,
                RepeatComplaintRules::window).toMillis();
    }

    /** Counts a ledger event if it is a complaint; events come in event-time order. */
    void apply(LedgerEvent e) {
        if (e.type() != LedgerEventType.CREATED) {
            return;
        }
        Optional<InForce<RepeatComplaintRules>> inForce =
                ctx.inForce(RuleFamily.REPEAT_COMPLAINT, e.at(), e.gridId(), e.category());
        if (inForce.isEmpty() || !Complaints.isComplaint(e, inForce.get().parameters().channels())) {
            return;
        }
        RepeatComplaintRules rules = inForce.get().parameters();
        long at = e.at().toEpochMilli();
        long earliest = at - rules.window().toDuration().toMillis();
        for (String subject : Complaints.subjectKeys(e, ctx.familyOf(e.category()))) {
            ArrayDeque<Long> count = subjects.computeIfAbsent(subject, s -> new ArrayDeque<>());
            while (!count.isEmpty() && count.peekFirst() < earliest) {
                count.pollFirst();
            }
            count.addLast(at);
            if (count.size() >= rules.threshold()) {
                alerts++;
                count.clear();
            }
        }
        forgetSubjectsQuietSince(at - longestWindow);
    }

    private void forgetSubjectsQuietSince(long limit) {
        Iterator<ArrayDeque<Long>> oldest = subjects.values().iterator();
        while (oldest.hasNext()) {
            ArrayDeque<Long> count = oldest.next();
            if (!count.isEmpty() && count.peekLast() >= limit) {
                return;
            }
            oldest.remove();
        }
    }

    void addCounts(Map<String, Long> counts) {
        counts.put(RepeatComplaintRule.RULE_ID, alerts);
    }
}
