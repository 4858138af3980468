package org.gridwarden.jobs.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridwarden.rules.model.Alert;

/**
 * What a backtest produced: each side's alerts up to the horizon, and how much history it read how fast.
 *
 * @param baselineRules the rules that ran for the baseline, whether they raised anything or not
 * @param recordsRead input lines read, in the window or not
 * @param recordsInWindow input lines handed to the rules: those in {@code [from, to)}, and broken lines
 * @param alertsAfterHorizon alerts of both sides that had not happened by the horizon, so not counted
 * @param took wall time from submitting the job to its last alert
 */
public record BacktestRun(
        List<String> baselineRules,
        List<String> candidateRules,
        List<Alert> baseline,
        List<Alert> candidate,
        Instant horizon,
        long recordsRead,
        long recordsInWindow,
        long alertsAfterHorizon,
        Duration took) {

    public List<Alert> alerts(Side side) {
        return side == Side.BASELINE ? baseline : candidate;
    }

    public double recordsPerSecond() {
        return recordsRead / Math.max(0.001, took.toMillis() / 1000.0);
    }
}
