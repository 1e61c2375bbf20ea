package io.seglift.measure;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over many simulated cohorts with a known true effect, the 95% interval must contain it about 95% of the time.
 * With 2,000 seeds the binomial standard error of the coverage is 0.49 points, so 93.5%-96.5% is a ±3 s.e. band.
 */
class IntervalCoverageTest {
    private static final int SEEDS = 2_000;
    private static final int HOLDOUT = 400;
    private static final int TREATMENT = 3_600;

    @Test
    void conversionRateIntervalCoversTheTrueEffect() {
        double p0 = 0.08;
        double p1 = 0.11;
        int covered = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            ArmAggregate t = simulateRate(rnd, TREATMENT, p1);
            ArmAggregate h = simulateRate(rnd, HOLDOUT, p0);
            if (TwoProportionLift.ninetyFive().estimate(t, h).contains(p1 - p0)) covered++;
        }
        double coverage = (double) covered / SEEDS;
        System.out.printf("coverage of the 95%% Newcombe interval (rates, %d seeds): %.2f%%%n", SEEDS, 100 * coverage);
        assertThat(coverage).isBetween(0.935, 0.965);
    }

    @Test
    void revenueIntervalCoversTheTrueEffect() {
        double coverage = revenueCoverage(2_000, 18_000);
        System.out.printf("coverage of the 95%% Welch interval (revenue, holdout 2000, %d seeds): %.2f%%%n", SEEDS,
                100 * coverage);
        assertThat(coverage).isBetween(0.935, 0.965);
    }

    /**
     * With a 400-member holdout only about 40 holdout members buy, and the skew of order values makes Welch's
     * interval slightly too narrow; this documents how much (see docs/measurement.md) and fails if it gets worse.
     */
    @Test
    void revenueIntervalUndercoversOnlySlightlyWithASmallHoldout() {
        double coverage = revenueCoverage(HOLDOUT, TREATMENT);
        System.out.printf("coverage of the 95%% Welch interval (revenue, holdout 400, %d seeds): %.2f%%%n", SEEDS,
                100 * coverage);
        assertThat(coverage).isBetween(0.91, 0.965);
    }

    private static double revenueCoverage(int holdout, int treatment) {
        double p0 = 0.10;
        double p1 = 0.14;
        double mu = 3.5;
        double sigma = 0.8;
        double meanOrder = Math.exp(mu + sigma * sigma / 2);
        double trueEffect = (p1 - p0) * meanOrder;
        int covered = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom rnd = new SplittableRandom(1_000_000L + seed);
            ArmAggregate t = simulateRevenue(rnd, treatment, p1, mu, sigma);
            ArmAggregate h = simulateRevenue(rnd, holdout, p0, mu, sigma);
            if (WelchLift.ninetyFive().estimate(t, h).contains(trueEffect)) covered++;
        }
        return (double) covered / SEEDS;
    }

    @Test
    void aWrongTrueEffectIsNotCovered() {
        int covered = 0;
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            LiftEstimate e = TwoProportionLift.ninetyFive().estimate(simulateRate(rnd, TREATMENT, 0.11),
                    simulateRate(rnd, HOLDOUT, 0.08));
            if (e.contains(0.10)) covered++;
        }
        assertThat(covered).isZero();
    }

    static ArmAggregate simulateRate(SplittableRandom rnd, int n, double p) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) x++;
        }
        return new ArmAggregate(n, x, x, x);
    }

    static ArmAggregate simulateRevenue(SplittableRandom rnd, int n, double p, double mu, double sigma) {
        long x = 0;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                x++;
                double v = Math.exp(mu + sigma * gaussian(rnd));
                sum += v;
                sumSq += v * v;
            }
        }
        return new ArmAggregate(n, x, sum, sumSq);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
