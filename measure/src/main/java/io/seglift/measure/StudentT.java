package io.seglift.measure;

/** Student's t distribution with real-valued degrees of freedom (Welch's test needs non-integer df). */
public final class StudentT {
    private StudentT() {
    }

    /** P(T &le; t) with {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        requireDf(df);
        if (Double.isInfinite(df)) return Normal.cdf(t);
        double x = df / (df + t * t);
        double tail = 0.5 * SpecialFunctions.regularizedBeta(x, df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /** The p-quantile by safeguarded Newton iteration on the CDF, to 1e-12. */
    public static double quantile(double p, double df) {
        requireDf(df);
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
        if (Double.isInfinite(df) || df > 1e7) return Normal.quantile(p);
        double lo = -1;
        double hi = 1;
        while (cdf(lo, df) > p) lo *= 2;
        while (cdf(hi, df) < p) hi *= 2;
        double x = Math.max(lo, Math.min(hi, Normal.quantile(p)));
        for (int i = 0; i < 200; i++) {
            double f = cdf(x, df) - p;
            if (Math.abs(f) < 1e-15) break;
            if (f > 0) hi = x; else lo = x;
            double next = x - f / pdf(x, df);
            if (!(next > lo && next < hi)) next = (lo + hi) / 2;
            if (Math.abs(next - x) < 1e-13 * Math.max(1, Math.abs(x))) {
                x = next;
                break;
            }
            x = next;
        }
        return x;
    }

    public static double pdf(double t, double df) {
        double logC = SpecialFunctions.logGamma((df + 1) / 2) - SpecialFunctions.logGamma(df / 2)
                - 0.5 * Math.log(df * Math.PI);
        return Math.exp(logC - (df + 1) / 2 * Math.log1p(t * t / df));
    }

    private static void requireDf(double df) {
        if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom must be positive, was " + df);
    }
}
