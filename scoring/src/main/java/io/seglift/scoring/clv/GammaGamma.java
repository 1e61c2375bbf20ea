package io.seglift.scoring.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma spend model (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a customer's
 * transaction values are Gamma(p, nu) with nu drawn from Gamma(q, gamma). Fitted on repeat buyers only ({@code x >= 1})
 * with a positive average repeat spend; spend is assumed independent of purchase frequency.
 */
public final class GammaGamma {
    private GammaGamma() {
    }

    /** The log density of a mean spend {@code m} over {@code x} transactions. */
    public static double logLikelihood(double p, double q, double gamma, double x, double m) {
        return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m)
                + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + x * m);
    }

    /** Whether customer {@code i} of {@code s} enters the spend model. */
    static boolean usable(Summaries s, int i) {
        return s.x(i) >= 1 && s.m(i) > 0 && Double.isFinite(s.m(i));
    }

    /** Maximum-likelihood parameters over the usable customers of {@code s}. */
    public static GammaGammaParams fit(Summaries s) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (usable(s, i)) n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("Gamma-Gamma needs at least one repeat buyer with a positive spend");
        }
        double[] best = LogParamFit.maximise(v -> {
            double sum = 0;
            for (int i = 0; i < s.size(); i++) {
                if (usable(s, i)) sum += logLikelihood(v[0], v[1], v[2], s.x(i), s.m(i));
            }
            return sum;
        }, new double[]{1, 1, 1});
        return new GammaGammaParams(best[0], best[1], best[2], best[3], n);
    }

    /**
     * E[spend per transaction | x, m]: {@code p (gamma + x m) / (p x + q - 1)}, the population mean
     * {@code p gamma / (q - 1)} for customers without repeat purchases (NaN when {@code q <= 1}: no finite mean).
     */
    public static double expectedAverageValue(GammaGammaParams g, double x, double m) {
        if (x < 1 || !(m > 0)) {
            return g.q() > 1 ? g.p() * g.gamma() / (g.q() - 1) : Double.NaN;
        }
        return g.p() * (g.gamma() + x * m) / (g.p() * x + g.q() - 1);
    }
}
