package org.gridwarden.testkit.generate;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's only source of randomness: a seeded {@link SplittableRandom} with the few distributions a
 * simulated district needs. Each component gets its own split stream, so output stays reproducible per seed.
 */
final class Dice {

    private static final double SMALL_MEAN = 30;

    private final SplittableRandom random;

    Dice(long seed) {
        this(new SplittableRandom(seed));
    }

    private Dice(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream; drawing from it does not disturb this one. */
    Dice split() {
        return new Dice(random.split());
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in [from, to]. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    /** Uniform in [from, to). */
    double uniform(double from, double to) {
        return random.nextDouble(from, to);
    }

    /** Log-normal with the given median: positive, skewed to the right like handling times are. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** Log-normal duration with the given median, in whole seconds. */
    Duration logNormal(Duration median, double sigma) {
        return Duration.ofSeconds(Math.round(logNormal(median.toSeconds(), sigma)));
    }

    /** Uniform duration in [from, to], in whole seconds. */
    Duration between(Duration from, Duration to) {
        return Duration.ofSeconds(random.nextLong(from.toSeconds(), to.toSeconds() + 1));
    }

    /**
     * How many of a thing happen in one period at the given mean rate: Knuth's method, exact for small means;
     * a big mean (a big city's daily count) as the sum of small ones, whose exponentials stay far from zero.
     */
    int poisson(double mean) {
        if (mean > SMALL_MEAN) {
            return poisson(mean / 2) + poisson(mean / 2);
        }
        double limit = Math.exp(-mean);
        int n = 0;
        double product = random.nextDouble();
        while (product > limit) {
            n++;
            product *= random.nextDouble();
        }
        return n;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with probability proportional to its weight. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
