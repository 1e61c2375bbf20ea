package io.seglift.scoring.propensity.train;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationSampleTest {
    private static final int COLS = 3;

    @Test
    void aMatrixWithinTheCapIsUsedWhole() {
        LabeledMatrix m = matrix(1_000, 0.1, 1);
        assertThat(ValidationSample.stratified(m, 1_000, 42)).isSameAs(m);
    }

    @Test
    void theSampleKeepsEachClassShareAndTheKeyOrderAndIsTheSameForTheSameSeed() {
        LabeledMatrix m = matrix(20_000, 0.07, 2);
        LabeledMatrix s = ValidationSample.stratified(m, 5_000, 42);

        assertThat(s.rows()).isEqualTo(5_000);
        assertThat(s.positives()).isEqualTo(Math.round(m.positives() * 5_000.0 / m.rows()));
        float previousKey = -1;
        for (int i = 0; i < s.rows(); i++) {
            float key = s.x()[i * COLS];
            assertThat(key).as("row %d keeps key order", i).isGreaterThan(previousKey);
            previousKey = key;
            assertThat(s.y()[i]).isEqualTo(m.y()[(int) key]);
        }
        assertThat(ValidationSample.stratified(m, 5_000, 42).x()).isEqualTo(s.x());
        assertThat(ValidationSample.stratified(m, 5_000, 7).x()).isNotEqualTo(s.x());
    }

    @Test
    void aRareClassKeepsAtLeastOneRow() {
        LabeledMatrix m = matrix(10_000, 0, 3);
        m.y()[1234] = 1;
        m.y()[5678] = 1;
        assertThat(ValidationSample.stratified(m, 100, 42).positives()).isEqualTo(1);
    }

    /** Column 0 holds the row number, so a sampled row names where it came from. */
    private static LabeledMatrix matrix(int rows, double positiveShare, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * COLS];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            x[i * COLS] = i;
            x[i * COLS + 1] = (float) r.nextGaussian();
            x[i * COLS + 2] = (float) r.nextGaussian();
            y[i] = r.nextDouble() < positiveShare ? 1 : 0;
        }
        return new LabeledMatrix(x, y, rows, COLS, "test");
    }
}
