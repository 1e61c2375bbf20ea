package io.seglift.scoring.propensity.train;

import io.seglift.spi.warehouse.Warehouse;

import java.util.List;

/**
 * The other ways {@link MatrixLoader} could hold rows of unknown number, with the same per-row reading, kept only to
 * time them against the growable blocks it uses: a {@code COUNT(*)} run of the frame first, then one read into exact
 * arrays (the frame evaluated twice); or one read spilled to a temporary float file and read back ({@link FloatSpill}).
 */
public final class LoaderVariants {
    private LoaderVariants() {
    }

    public static LabeledMatrix countThenRead(Warehouse w, String frame, List<String> features) {
        int cols = features.size();
        int rows = (int) w.queryLong("SELECT COUNT(*) FROM (" + frame + ") n");
        float[] x = new float[rows * cols];
        float[] y = new float[rows];
        int[] at = {0};
        String fp = new MatrixLoader(w).read(frame, cols, row -> {
            System.arraycopy(row, 0, x, at[0] * cols, cols);
            y[at[0]++] = row[cols];
        });
        return new LabeledMatrix(x, y, rows, cols, fp);
    }

    public static LabeledMatrix spill(Warehouse w, String frame, List<String> features) {
        int cols = features.size();
        try (FloatSpill spill = new FloatSpill()) {
            int[] rows = {0};
            String fp = new MatrixLoader(w).read(frame, cols, row -> {
                spill.add(row);
                rows[0]++;
            });
            float[] x = new float[rows[0] * cols];
            float[] y = new float[rows[0]];
            spill.readRows(cols, x, y);
            return new LabeledMatrix(x, y, rows[0], cols, fp);
        }
    }
}
