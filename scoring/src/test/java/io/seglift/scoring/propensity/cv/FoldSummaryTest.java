package io.seglift.scoring.propensity.cv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FoldSummaryTest {
    @Test
    void meanAndSampleStandardDeviation() {
        double[] v = {0.80, 0.84, 0.86, 0.82, 0.88};
        assertThat(FoldSummary.mean(v)).isCloseTo(0.84, within(1e-12));
        // squares of deviations: 16+0+4+4+16 = 40 (x1e-4), over n-1 = 4: 1e-3
        assertThat(FoldSummary.std(v)).isCloseTo(Math.sqrt(1e-3), within(1e-12));
        assertThat(FoldSummary.std(new double[] {0.7})).isZero();
        assertThat(FoldSummary.mean(new double[0])).isNaN();
    }

    @Test
    void theResultAveragesItsFoldsAndRendersThem() {
        CrossValidationResult r = new CrossValidationResult("churn", 2, 100, 30, 4, List.of(
                new FoldResult(1, 50, 15, 40, 12, 0.80, 0.60, 0.50, 0.20),
                new FoldResult(2, 50, 15, 40, 14, 0.90, 0.70, 0.40, 0.10)), List.of("note"));
        assertThat(r.meanAuc()).isCloseTo(0.85, within(1e-12));
        assertThat(r.stdAuc()).isCloseTo(Math.sqrt(0.005), within(1e-12));
        assertThat(r.meanPrAuc()).isCloseTo(0.65, within(1e-12));
        assertThat(r.meanLogLoss()).isCloseTo(0.45, within(1e-12));
        assertThat(r.meanBrier()).isCloseTo(0.15, within(1e-12));
        assertThat(r.render()).contains("churn: 2-fold cross-validation, 100 rows (30 positive), 4 features",
                "Mean AUC 0.8500 +/- 0.0707", "Note: note");
    }
}
