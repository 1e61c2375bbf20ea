package io.seglift.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DistributionsTest {

    @Test
    void normalCdfMatchesReferenceValues() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(Normal.cdf(-1)).isCloseTo(0.15865525393145705, within(1e-14));
        assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-15));
        assertThat(Normal.cdf(2.5758293035489)).isCloseTo(0.995, within(1e-13));
        assertThat(Normal.cdf(-6)).isCloseTo(9.865876450377e-10, within(1e-20));
        assertThat(Normal.cdf(-10) / 7.61985302416047e-24).isCloseTo(1, within(1e-9));
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(Normal.quantile(0.8)).isCloseTo(0.8416212335729143, within(1e-13));
        assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-12));
        for (double p = 0.0005; p < 1; p += 0.0137) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-14));
        }
    }

    @Test
    void studentTMatchesTables() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706204736174698, within(1e-9));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.2281388519649385, within(1e-10));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.0422724563012373, within(1e-10));
        assertThat(StudentT.quantile(0.025, 4.5)).isCloseTo(-StudentT.quantile(0.975, 4.5), within(1e-12));
        assertThat(StudentT.cdf(2.0, 5)).isCloseTo(0.9490302605850709, within(1e-10));
        assertThat(StudentT.cdf(0, 7.3)).isCloseTo(0.5, within(1e-15));
        assertThat(StudentT.quantile(0.975, 1e6)).isCloseTo(1.959966, within(1e-5));
    }

    @Test
    void studentTDensityAndInfiniteDegreesOfFreedom() {
        assertThat(StudentT.pdf(0, 1)).isCloseTo(1 / Math.PI, within(1e-15));
        assertThat(StudentT.pdf(1, 3)).isCloseTo(0.20674833578317203, within(1e-14));
        assertThat(StudentT.cdf(1.5, Double.POSITIVE_INFINITY)).isCloseTo(Normal.cdf(1.5), within(1e-15));
        assertThat(Normal.pdf(0)).isCloseTo(0.3989422804014327, within(1e-15));
        assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
