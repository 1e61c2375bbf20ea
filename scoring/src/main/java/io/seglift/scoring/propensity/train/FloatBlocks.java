package io.seglift.scoring.propensity.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of features and a label appended while their number is unknown, kept in blocks of {@value #BLOCK_ROWS} rows
 * and copied once into exactly sized arrays. Each block is released as soon as it is copied, so the heap holds at most
 * about twice the matrix, and only during that copy.
 */
final class FloatBlocks {
    static final int BLOCK_ROWS = 1 << 16;
    private final int cols;
    private final List<float[]> xBlocks = new ArrayList<>();
    private final List<float[]> yBlocks = new ArrayList<>();
    private float[] x;
    private float[] y;
    private int inBlock = BLOCK_ROWS;
    private int rows;

    FloatBlocks(int cols) {
        this.cols = cols;
    }

    /** Appends one row: the first {@code cols} values of {@code row} are features, the next one the label. */
    void add(float[] row) {
        if (inBlock == BLOCK_ROWS) {
            x = new float[BLOCK_ROWS * cols];
            y = new float[BLOCK_ROWS];
            xBlocks.add(x);
            yBlocks.add(y);
            inBlock = 0;
        }
        System.arraycopy(row, 0, x, inBlock * cols, cols);
        y[inBlock++] = row[cols];
        rows++;
    }

    int rows() {
        return rows;
    }

    /** The rows as one matrix; the blocks are released. */
    LabeledMatrix toMatrix(String fingerprint) {
        float[] allX = new float[Math.multiplyExact(rows, cols)];
        float[] allY = new float[rows];
        for (int b = 0; b < xBlocks.size(); b++) {
            int n = Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS);
            System.arraycopy(xBlocks.get(b), 0, allX, b * BLOCK_ROWS * cols, n * cols);
            System.arraycopy(yBlocks.get(b), 0, allY, b * BLOCK_ROWS, n);
            xBlocks.set(b, null);
            yBlocks.set(b, null);
        }
        xBlocks.clear();
        yBlocks.clear();
        x = null;
        y = null;
        return new LabeledMatrix(allX, allY, rows, cols, fingerprint);
    }
}
