package io.seglift.scoring.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way"): while alive a customer buys
 * at a Poisson rate drawn from Gamma(r, alpha); after each purchase she dies with a probability drawn from Beta(a, b).
 * The per-customer log-likelihood is the paper's equation (6), computed in logs with log-gamma and a log-sum-exp, so
 * customers with many purchases never overflow.
 */
public final class BgNbd {
    private BgNbd() {
    }

    /** The log-likelihood of one customer with {@code x} repeat purchases, recency {@code tx} and age {@code T}. */
    public static double logLikelihood(double r, double alpha, double a, double b, double x, double tx, double age) {
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + age);
        if (x <= 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double hi = Math.max(a3, a4);
        return a1 + a2 + hi + Math.log(Math.exp(a3 - hi) + Math.exp(a4 - hi));
    }

    /** The summed log-likelihood of {@code s}. */
    public static double logLikelihood(double r, double alpha, double a, double b, Summaries s) {
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += logLikelihood(r, alpha, a, b, s.x(i), s.tx(i), s.age(i));
        }
        return sum;
    }

    /** Maximum-likelihood parameters for {@code s}. */
    public static BgNbdParams fit(Summaries s) {
        if (s.size() == 0) {
            throw new IllegalArgumentException("BG/NBD needs at least one customer");
        }
        double[] best = LogParamFit.maximise(p -> logLikelihood(p[0], p[1], p[2], p[3], s), new double[]{1, 1, 1, 1});
        return new BgNbdParams(best[0], best[1], best[2], best[3], best[4]);
    }

    /** The log of {@code a / (b + x - 1) * ((alpha + T) / (alpha + tx))^(r + x)}, the odds of being dead. */
    private static double logDeadOdds(BgNbdParams p, double x, double tx, double age) {
        return Math.log(p.a()) - Math.log(p.b() + x - 1) + (p.r() + x) * (Math.log(p.alpha() + age) - Math.log(p.alpha() + tx));
    }

    /** P(alive | x, tx, T): equation (A.10) of the paper's appendix; 1 for customers without repeat purchases. */
    public static double pAlive(BgNbdParams p, double x, double tx, double age) {
        if (x <= 0) {
            return 1;
        }
        return 1 / (1 + Math.exp(logDeadOdds(p, x, tx, age)));
    }

    /**
     * Expected purchases in the next {@code t} weeks of a customer with summary (x, tx, T): equation (10) of the paper,
     * with the Gauss hypergeometric function {@code 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))}.
     */
    public static double expectedPurchases(BgNbdParams p, double t, double x, double tx, double age) {
        if (t <= 0) {
            return 0;
        }
        double r = p.r();
        double alpha = p.alpha();
        double a = p.a();
        double b = p.b();
        double z = t / (alpha + age + t);
        double logPower = (r + x) * (Math.log(alpha + age) - Math.log(alpha + age + t));
        double c = a + b + x - 1;
        double term = c > 0 ? Math.exp(logPower + Hypergeometric.logF21(r + x, b + x, c, z))
                : Math.exp(logPower) * Hypergeometric.f21(r + x, b + x, c, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - term);
        double denominator = x > 0 ? 1 + Math.exp(logDeadOdds(p, x, tx, age)) : 1;
        return Math.max(0, numerator / denominator);
    }
}
