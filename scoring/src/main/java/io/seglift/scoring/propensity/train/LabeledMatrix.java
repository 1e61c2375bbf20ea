package io.seglift.scoring.propensity.train;

/**
 * Rows of a labelled frame as XGBoost wants them: row-major features with NaN for missing, and 0/1 labels.
 *
 * @param x           rows * cols floats
 * @param y           labels
 * @param rows        row count
 * @param cols        feature count
 * @param fingerprint SHA-256 over keys, labels and feature bits in key order
 */
public record LabeledMatrix(float[] x, float[] y, int rows, int cols, String fingerprint) {

    public long positives() {
        long n = 0;
        for (float v : y) {
            n += v > 0.5f ? 1 : 0;
        }
        return n;
    }

    /** Rows {@code [from, to)} as a new matrix (for folds). */
    public LabeledMatrix select(int[] rowsIdx) {
        float[] nx = new float[rowsIdx.length * cols];
        float[] ny = new float[rowsIdx.length];
        for (int i = 0; i < rowsIdx.length; i++) {
            System.arraycopy(x, rowsIdx[i] * cols, nx, i * cols, cols);
            ny[i] = y[rowsIdx[i]];
        }
        return new LabeledMatrix(nx, ny, rowsIdx.length, cols, fingerprint + ":subset");
    }
}
