package io.seglift.scoring.propensity.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FloatBlocksTest {

    @Test
    void rowsComeBackInOrderAcrossBlocks() {
        int cols = 3;
        int rows = 2 * FloatBlocks.BLOCK_ROWS + 17;
        FloatBlocks blocks = new FloatBlocks(cols);
        float[] row = new float[cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c <= cols; c++) {
                row[c] = c == 1 && r % 7 == 0 ? Float.NaN : r * 10f + c;
            }
            blocks.add(row);
        }
        LabeledMatrix m = blocks.toMatrix("fp");
        assertThat(m.rows()).isEqualTo(rows);
        assertThat(m.x()).hasSize(rows * cols);
        assertThat(m.y()).hasSize(rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float want = c == 1 && r % 7 == 0 ? Float.NaN : r * 10f + c;
                assertThat(Float.floatToIntBits(m.x()[r * cols + c])).as("row %d col %d", r, c).isEqualTo(Float.floatToIntBits(want));
            }
            assertThat(m.y()[r]).as("label of row %d", r).isEqualTo(r * 10f + cols);
        }
    }

    @Test
    void noRowsGiveAnEmptyMatrix() {
        LabeledMatrix m = new FloatBlocks(4).toMatrix("fp");
        assertThat(m.rows()).isZero();
        assertThat(m.x()).isEmpty();
    }
}
