package io.seglift.measure;

/**
 * Difference of mean revenue per member with Welch's t interval and test (unequal variances, Welch–Satterthwaite
 * degrees of freedom). Revenue is zero for most members and skewed for the rest; with the arm sizes reached before a
 * verdict is given (see {@link PowerAnalysis}) the mean is close to normal, which the coverage test checks on
 * zero-inflated log-normal revenue.
 */
public final class WelchLift {
    private final double confidence;

    public WelchLift(double confidence) {
        this.confidence = confidence;
    }

    public static WelchLift ninetyFive() {
        return new WelchLift(0.95);
    }

    public LiftEstimate estimate(ArmAggregate treatment, ArmAggregate holdout) {
        if (treatment.n() < 2 || holdout.n() < 2) {
            throw new IllegalArgumentException("Welch's test needs at least 2 members per arm (treatment "
                    + treatment.n() + ", holdout " + holdout.n() + ")");
        }
        double m1 = treatment.mean();
        double m2 = holdout.mean();
        double v1 = treatment.variance() / treatment.n();
        double v2 = holdout.variance() / holdout.n();
        double d = m1 - m2;
        double se = Math.sqrt(v1 + v2);
        if (se == 0) {
            return new LiftEstimate(m1, m2, d, m2 == 0 ? null : d / m2, d, d, d == 0 ? 1 : 0,
                    "Welch's t (no variance in either arm)");
        }
        double df = (v1 + v2) * (v1 + v2)
                / (v1 * v1 / (treatment.n() - 1) + v2 * v2 / (holdout.n() - 1));
        double t = StudentT.quantile(1 - (1 - confidence) / 2, df);
        double pValue = 2 * StudentT.cdf(-Math.abs(d) / se, df);
        return new LiftEstimate(m1, m2, d, m2 == 0 ? null : d / m2, d - t * se, d + t * se, pValue,
                "Welch's t interval and test");
    }
}
