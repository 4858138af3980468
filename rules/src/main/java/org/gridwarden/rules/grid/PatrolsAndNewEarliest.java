package org.gridwarden.rules.grid;

import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Thins the input of the single-key silent-grid operator: every patrol passes, any other record only when it
 * is earlier than everything this instance has passed, since all the rule needs of it is the stream's start
 * (the minimum). The running minimum is a plain field, not state: after a restore a few records pass again,
 * which cannot change a minimum, so the result is the same in any order, live or in replay.
 */
final class PatrolsAndNewEarliest implements FilterFunction<GridActivity> {

    private static final long serialVersionUID = 1L;

    private long earliestPassed = Long.MAX_VALUE;

    @Override
    public boolean filter(GridActivity a) {
        long t = a.at().toEpochMilli();
        if (t < earliestPassed) {
            earliestPassed = t;
            return true;
        }
        return a.isPatrol();
    }
}
