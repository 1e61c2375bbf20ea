package io.seglift.scoring.propensity.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FloatSpillTest {

    @Test
    void rowsComeBackInOrderAcrossBufferBoundaries() {
        int cols = 30;
        int rows = 5_000;
        float[] x = new float[rows * cols];
        float[] y = new float[rows];
        try (FloatSpill spill = new FloatSpill()) {
            float[] row = new float[cols + 1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    row[c] = c == 3 && r % 7 == 0 ? Float.NaN : r * 100f + c;
                }
                spill.add(row);
            }
            spill.readRows(cols, x, y);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float want = c == 3 && r % 7 == 0 ? Float.NaN : r * 100f + c;
                assertThat(Float.floatToIntBits(x[r * cols + c])).as("row %d col %d", r, c).isEqualTo(Float.floatToIntBits(want));
            }
            assertThat(y[r]).isEqualTo(r * 100f + cols);
        }
    }
}
