package io.seglift.measure;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal distribution, from Apache Commons Statistics. */
public final class Normal {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Normal() {
    }

    public static double pdf(double x) {
        return STANDARD.density(x);
    }

    /** P(Z &le; x). */
    public static double cdf(double x) {
        return STANDARD.cumulativeProbability(x);
    }

    /** The p-quantile, 0 &le; p &le; 1 (infinite at 0 and 1). */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        return STANDARD.inverseCumulativeProbability(p);
    }
}
