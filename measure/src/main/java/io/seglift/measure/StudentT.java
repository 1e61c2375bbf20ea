package io.seglift.measure;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t distribution with real-valued degrees of freedom (Welch's test needs non-integer df), from Apache
 * Commons Statistics; infinite degrees of freedom give the standard normal.
 */
public final class StudentT {
    private StudentT() {
    }

    /** P(T &le; t) with {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        return of(df).cumulativeProbability(t);
    }

    /** The p-quantile, 0 &lt; p &lt; 1. */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
        return of(df).inverseCumulativeProbability(p);
    }

    public static double pdf(double t, double df) {
        return of(df).density(t);
    }

    private static TDistribution of(double df) {
        if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom must be positive, was " + df);
        return TDistribution.of(df);
    }
}
