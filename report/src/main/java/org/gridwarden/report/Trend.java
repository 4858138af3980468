package org.gridwarden.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A count on the report day with the same count on each of the 7 days before it, so the change is against
 * their average (前7日平均).
 *
 * @param previousDays the counts on D-7 … D-1, oldest first; days without alerts count 0
 */
public record Trend(int today, List<Integer> previousDays) {

    public static final int PREVIOUS_DAYS = 7;
    /** The smallest 7-day average the report gives a percentage change against. */
    public static final double PERCENT_BASE = 5;

    public Trend {
        if (previousDays.size() != PREVIOUS_DAYS) {
            throw new IllegalArgumentException("a trend needs " + PREVIOUS_DAYS + " previous days, not " + previousDays);
        }
        previousDays = List.copyOf(previousDays);
    }

    public double previousAverage() {
        return previousDays.stream().mapToInt(Integer::intValue).sum() / (double) PREVIOUS_DAYS;
    }

    public double change() {
        return today - previousAverage();
    }

    /** The change as a fraction of the average; empty when the average is zero (nothing to compare with). */
    public OptionalDouble relativeChange() {
        double average = previousAverage();
        return average == 0 ? OptionalDouble.empty() : OptionalDouble.of(change() / average);
    }
}
