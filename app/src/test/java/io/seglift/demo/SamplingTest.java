package io.seglift.demo;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplingTest {
    private static final int N = 200_000;

    @Test
    void gammaHasTheRightMeanAndVarianceAboveAndBelowShapeOne() {
        for (double shape : new double[]{0.5, 0.9, 4.0}) {
            SplittableRandom rnd = new SplittableRandom(1);
            double scale = 2.0;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < N; i++) {
                double x = Sampling.gamma(rnd, shape, scale);
                sum += x;
                sq += x * x;
            }
            double mean = sum / N;
            double var = sq / N - mean * mean;
            assertThat(mean).as("mean, shape %s", shape).isCloseTo(shape * scale, within(0.03 * shape * scale));
            assertThat(var).as("variance, shape %s", shape).isCloseTo(shape * scale * scale,
                    within(0.08 * shape * scale * scale));
        }
    }

    @Test
    void betaAndLognormalHaveTheirMeans() {
        SplittableRandom rnd = new SplittableRandom(2);
        double beta = 0;
        double logn = 0;
        for (int i = 0; i < N; i++) {
            beta += Sampling.beta(rnd, 1.2, 22);
            logn += Sampling.lognormalUnitMean(rnd, 0.45);
        }
        assertThat(beta / N).isCloseTo(1.2 / 23.2, within(0.002));
        assertThat(logn / N).isCloseTo(1.0, within(0.01));
    }

    @Test
    void streamsDifferPerIndexAndRepeatPerSeed() {
        assertThat(Sampling.streamSeed(42, 1)).isEqualTo(Sampling.streamSeed(42, 1))
                .isNotEqualTo(Sampling.streamSeed(42, 2)).isNotEqualTo(Sampling.streamSeed(43, 1));
    }

    @Test
    void seasonalityAveragesOneAndPeaksInDecember() {
        double sum = 0;
        for (double m : Seasonality.BY_MONTH) sum += m;
        assertThat(sum / 12).isCloseTo(1.0, within(1e-9));
        assertThat(Seasonality.MAX).isEqualTo(Seasonality.BY_MONTH[11]);
        assertThat(Seasonality.BY_MONTH[10]).isGreaterThan(Seasonality.BY_MONTH[9]);
    }
}
