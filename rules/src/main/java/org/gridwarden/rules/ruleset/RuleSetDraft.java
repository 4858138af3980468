package org.gridwarden.rules.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule set as read, complete or not: every value whose shape was right, so that the meaning of each is
 * checked even where its neighbours are broken and every problem is reported at once.
 *
 * @param ingest the ingest values by field name
 * @param risk the risk index's values by field name
 */
record RuleSetDraft(Instant effectiveFrom, Map<String, Object> ingest, Map<String, Object> risk, List<Entry> entries) {

    /**
     * One entry of the file's list.
     *
     * @param index its place in the file's list
     * @param scope null when it could not be read
     * @param values the parameters by name, its own and those it inherits, as their Java types
     */
    record Entry(int index, String id, RuleFamily family, RuleScope scope, Map<String, Object> values) {

        boolean enabled() {
            return !Boolean.FALSE.equals(values.get("enabled"));
        }
    }
}
