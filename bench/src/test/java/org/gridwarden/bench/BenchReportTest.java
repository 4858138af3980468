package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static ReplayThroughput allRules(int parallelism, double seconds) {
        return new ReplayThroughput(ReplayThroughput.ALL_RULES, RuntimeExecutionMode.BATCH, parallelism, 500_000,
                20_000, seconds, seconds * 2);
    }

    @Test
    void targetsAreReadFromTheLastReplayAtTheHighestParallelism_theWarmestOne() {
        BenchReport report = new BenchReport(Machine.here(), LocalDate.of(2026, 12, 6), "bench");
        report.replay(allRules(1, 50));
        report.replay(allRules(2, 25)); // 20,000 events/s: the JVM's compiler still at work
        report.replay(allRules(2, 10)); // 50,000 events/s: warm
        report.replay(allRules(1, 20));
        String summary = report.summary();
        assertTrue(summary.contains("| replay end to end, parallelism 2 | ≥ 250,000 events/s | 50,000 events/s |"),
                summary);
    }
}
