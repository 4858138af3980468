package org.gridwarden.connectors.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What became of a submitted rule-set version (规则集部署结果), as published on the status topic.
 *
 * @param effectiveFrom from when on the version decides events; null when the text did not say
 * @param problems every reason for a rejection, in the words of the rule-set checks; empty when active
 * @param at wall time of the decision
 * @param savepoint the savepoint the live job restarted from under the new version; null when rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetStatus(String version, Instant effectiveFrom, Outcome status, List<String> problems, Instant at,
        String savepoint) {

    public enum Outcome { ACTIVE, REJECTED }

    public RuleSetStatus {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static RuleSetStatus active(String version, Instant effectiveFrom, Instant at, String savepoint) {
        return new RuleSetStatus(version, effectiveFrom, Outcome.ACTIVE, List.of(), at, savepoint);
    }

    public static RuleSetStatus rejected(String version, Instant effectiveFrom, List<String> problems, Instant at) {
        return new RuleSetStatus(version, effectiveFrom, Outcome.REJECTED, problems, at, null);
    }
}
