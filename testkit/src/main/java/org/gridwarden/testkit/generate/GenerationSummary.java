package org.gridwarden.testkit.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a generator run wrote, also saved as {@code manifest.json}: the counts per file, the horizon, and the
 * expected outcome of the overdue rule and of the seven risk rules, so that a replay of the files can be checked
 * against it.
 *
 * @param horizon the newest event time written; deadlines after it have not passed
 * @param overdueCases sorted ids of the cases that must raise an OVERDUE alert: a deadline passed while the case
 *     was open, at or before the horizon
 * @param onTimeCases sorted ids of the cases closed for good by the horizon without ever passing a deadline
 * @param expectedAlerts per rule id, the sorted keys of exactly the alerts the rule must raise at or before the
 *     horizon (key formats in {@code FailureMode}), worked out from the records as written
 * @param injectedAlerts per rule id, how many of those alerts the generator injected on purpose; every expected
 *     alert is injected, nothing raises an alert by accident, so the counts equal the list sizes
 */
public record GenerationSummary(
        LocalDate startDay,
        int days,
        long seed,
        String zone,
        String ruleSetVersion,
        Instant horizon,
        StreamSummary gridReports,
        StreamSummary ledgerEvents,
        CaseSummary cases,
        List<String> overdueCases,
        List<String> onTimeCases,
        Map<String, List<String>> expectedAlerts,
        Map<String, Integer> injectedAlerts) {

    /**
     * One file: {@code lines = records + duplicates + malformed lines}.
     *
     * @param records distinct valid records, the ones a pipeline processes
     * @param byKind records per report kind or ledger event type
     * @param outOfOrder records written after a record with a later event time (by at most 5 minutes)
     * @param malformed broken lines per way of breaking, see {@link MalformedKind}
     */
    public record StreamSummary(
            String file,
            long lines,
            long records,
            Map<String, Long> byKind,
            long duplicates,
            long outOfOrder,
            Map<String, Long> malformed) {

        public long malformedLines() {
            return malformed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param created cases whose CREATED was written
     * @param open cases whose life had not ended (CLOSED for good or CANCELLED) at the horizon
     */
    public record CaseSummary(long created, long open, long cancelled, long overdue, long onTime) {}
}
