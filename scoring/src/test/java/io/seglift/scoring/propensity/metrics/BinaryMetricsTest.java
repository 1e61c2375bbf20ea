package io.seglift.scoring.propensity.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {
    private final double[] p = {0.1, 0.4, 0.35, 0.8};
    private final float[] y = {0, 0, 1, 1};

    @Test
    void aucCountsCorrectlyOrderedPairs() {
        // pairs (pos, neg): (0.35 vs 0.1) ok, (0.35 vs 0.4) wrong, (0.8 vs both) ok -> 3/4
        assertThat(BinaryMetrics.aucRoc(p, y)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aucGivesTiesHalfCredit() {
        assertThat(BinaryMetrics.aucRoc(new double[]{0.5, 0.5, 0.2}, new float[]{0, 1, 0})).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void averagePrecisionByHand() {
        // descending: 0.8 (pos, precision 1), 0.4 (neg), 0.35 (pos, precision 2/3)
        assertThat(BinaryMetrics.prAuc(p, y)).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
        assertThat(BinaryMetrics.prAuc(new double[]{0.5, 0.5}, new float[]{0, 1})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void logLossAndBrierByHand() {
        double ll = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4;
        assertThat(BinaryMetrics.logLoss(p, y)).isCloseTo(ll, within(1e-12));
        assertThat(BinaryMetrics.brier(p, y)).isCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, within(1e-12));
    }

    @Test
    void calibrationBinsByPredictedProbability() {
        List<CalibrationBin> bins = BinaryMetrics.calibration(new double[]{0.31, 0.35, 0.39, 1.0}, new float[]{1, 0, 0, 1}, 10);
        assertThat(bins).hasSize(10);
        assertThat(bins.get(3).count()).isEqualTo(3);
        assertThat(bins.get(3).meanPredicted()).isCloseTo(0.35, within(1e-12));
        assertThat(bins.get(3).observedRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(bins.get(9).count()).isEqualTo(1);
        assertThat(bins.get(0).count()).isZero();
        assertThat(bins.get(0).meanPredicted()).isNaN();
    }

    @Test
    void gainsSplitLikeNtileWithTopDecileFirst() {
        double[] s = new double[20];
        float[] l = new float[20];
        for (int i = 0; i < 20; i++) {
            s[i] = i / 20.0;
            l[i] = i >= 16 ? 1 : 0; // top 4 rows are the positives
        }
        List<DecileGain> g = BinaryMetrics.gains(s, l);
        assertThat(g.get(0).decile()).isEqualTo(10);
        assertThat(g.get(0).count()).isEqualTo(2);
        assertThat(g.get(0).positives()).isEqualTo(2);
        assertThat(g.get(0).lift()).isCloseTo(1.0 / 0.2, within(1e-12));
        assertThat(g.get(1).cumulativeGain()).isCloseTo(1.0, within(1e-12));
        assertThat(g.get(9).rate()).isZero();
        List<DecileGain> small = BinaryMetrics.gains(p, y);
        assertThat(small.get(0).count()).isEqualTo(1);
        assertThat(small.get(4).count()).isZero();
    }

    @Test
    void reportCountsRowsAndPositives() {
        ValidationReport r = BinaryMetrics.report(p, y);
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.positives()).isEqualTo(2);
    }
}
