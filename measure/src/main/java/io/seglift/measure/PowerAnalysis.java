package io.seglift.measure;

import io.seglift.config.SuccessMetric;

/**
 * Sample size per arm needed to detect the brief's target effect at α = 0.05 (two-sided) with power 0.8, for a
 * segment whose holdout is a fraction {@code f} of members (so treatment = holdout × (1 − f) / f).
 * Rates use the unpooled/pooled normal-approximation formula (Fleiss); revenue uses the two-sample formula with the
 * observed variances of both arms.
 */
public final class PowerAnalysis {
    private static final double Z_ALPHA = Normal.quantile(0.975);
    private static final double Z_BETA = Normal.quantile(0.8);

    private PowerAnalysis() {
    }

    public static Power analyse(SuccessMetric.Outcome outcome, SuccessMetric.Target target, double holdoutFraction,
                                ArmAggregate treatment, ArmAggregate holdout) {
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            return new Power(null, null, null, null, false, "holdout fraction " + holdoutFraction + " is not in (0, 1)");
        }
        double k = (1 - holdoutFraction) / holdoutFraction;
        return outcome == SuccessMetric.Outcome.REVENUE
                ? revenue(target, k, treatment, holdout)
                : rate(target, k, treatment, holdout);
    }

    private static Power rate(SuccessMetric.Target target, double k, ArmAggregate treatment, ArmAggregate holdout) {
        double p0 = holdout.n() > 0 ? holdout.rate() : treatment.rate();
        Double detectable = detectableRate(p0, treatment.n(), holdout.n());
        if (target == null) return new Power(null, null, null, detectable, false, "the brief sets no target");
        if (Double.isNaN(p0)) return new Power(null, null, null, null, false, "no members yet to estimate a baseline rate");
        double delta = switch (target.unit()) {
            case PP -> target.value();
            case RELATIVE -> p0 * target.value();
            case ABSOLUTE -> Double.NaN;
        };
        if (Double.isNaN(delta)) {
            return new Power(null, null, null, detectable, false, "target '" + target.text()
                    + "' is money per member; a purchase-rate metric needs +Npp or +N%");
        }
        if (delta == 0) return new Power(0.0, null, null, detectable, false, "a zero target effect cannot be detected");
        double p1 = Math.min(1, Math.max(0, p0 + delta));
        double pBar = (p0 + k * p1) / (1 + k);
        double a = Z_ALPHA * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / k));
        double b = Z_BETA * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1) / k);
        long nHoldout = (long) Math.ceil((a + b) * (a + b) / (delta * delta));
        return sized(delta, nHoldout, k, detectable, treatment, holdout,
                p0 == 0 ? "baseline rate is 0 so far; the requirement is a lower bound" : "");
    }

    private static Power revenue(SuccessMetric.Target target, double k, ArmAggregate treatment, ArmAggregate holdout) {
        double v0 = holdout.variance();
        double v1 = treatment.n() >= 2 ? treatment.variance() : v0;
        Double detectable = Double.isNaN(v0) || Double.isNaN(v1) || treatment.n() == 0 || holdout.n() == 0 ? null
                : (Z_ALPHA + Z_BETA) * Math.sqrt(v0 / holdout.n() + v1 / treatment.n());
        if (target == null) return new Power(null, null, null, detectable, false, "the brief sets no target");
        if (Double.isNaN(v0)) {
            return new Power(null, null, null, null, false, "needs at least 2 holdout members to estimate the variance");
        }
        double delta = switch (target.unit()) {
            case ABSOLUTE -> target.value();
            case RELATIVE -> holdout.mean() * target.value();
            case PP -> Double.NaN;
        };
        if (Double.isNaN(delta)) {
            return new Power(null, null, null, detectable, false, "target '" + target.text()
                    + "' is in rate points; a revenue metric needs money per member (+5.00) or +N%");
        }
        if (delta == 0) return new Power(0.0, null, null, detectable, false, "a zero target effect cannot be detected");
        double z = Z_ALPHA + Z_BETA;
        long nHoldout = (long) Math.ceil(z * z * (v0 + v1 / k) / (delta * delta));
        return sized(delta, Math.max(2, nHoldout), k, detectable, treatment, holdout, "");
    }

    private static Power sized(double delta, long nHoldout, double k, Double detectable, ArmAggregate treatment,
                               ArmAggregate holdout, String note) {
        long nTreatment = (long) Math.ceil(nHoldout * k - 1e-9);
        boolean reached = holdout.n() >= nHoldout && treatment.n() >= nTreatment;
        return new Power(delta, nHoldout, nTreatment, detectable, reached, note);
    }

    private static Double detectableRate(double p0, long nTreatment, long nHoldout) {
        if (Double.isNaN(p0) || nTreatment == 0 || nHoldout == 0) return null;
        double v = p0 * (1 - p0);
        return (Z_ALPHA + Z_BETA) * Math.sqrt(v / nHoldout + v / nTreatment);
    }
}
