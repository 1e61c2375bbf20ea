package io.seglift.measure;

/**
 * Difference of two conversion rates with Newcombe's hybrid score interval (Newcombe 1998, method 10), built from
 * the Wilson interval of each rate. Chosen over the Wald interval because campaign rates are often small (1-10%) and
 * holdouts small (10% of a segment): there Wald's interval undercovers and can leave [−1, 1], while Newcombe's keeps
 * close to nominal coverage. The p-value is the pooled two-proportion z-test.
 */
public final class TwoProportionLift {
    private final double z;

    public TwoProportionLift(double confidence) {
        this.z = Normal.quantile(1 - (1 - confidence) / 2);
    }

    public static TwoProportionLift ninetyFive() {
        return new TwoProportionLift(0.95);
    }

    /** Wilson score interval {low, high} for x successes out of n. */
    public double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    public LiftEstimate estimate(ArmAggregate treatment, ArmAggregate holdout) {
        if (treatment.n() == 0 || holdout.n() == 0) {
            throw new IllegalArgumentException("both arms need members (treatment " + treatment.n() + ", holdout "
                    + holdout.n() + ")");
        }
        double p1 = treatment.rate();
        double p2 = holdout.rate();
        double[] w1 = wilson(treatment.conversions(), treatment.n());
        double[] w2 = wilson(holdout.conversions(), holdout.n());
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double high = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        double pooled = (double) (treatment.conversions() + holdout.conversions()) / (treatment.n() + holdout.n());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / treatment.n() + 1.0 / holdout.n()));
        double pValue = se == 0 ? (d == 0 ? 1 : 0) : 2 * Normal.cdf(-Math.abs(d) / se);
        return new LiftEstimate(p1, p2, d, p2 == 0 ? null : d / p2, low, high, pValue,
                "Newcombe hybrid score interval; pooled two-proportion z-test");
    }

    private static double sq(double v) {
        return v * v;
    }
}
