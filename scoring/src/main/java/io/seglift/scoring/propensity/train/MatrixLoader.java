package io.seglift.scoring.propensity.train;

import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams a labelled frame ({@code customer_key}, features in order, {@link LabelSql#LABEL}) from the warehouse
 * straight into one float array sized by a count query first, so no per-row objects are kept. NULL becomes NaN
 * (missing for XGBoost).
 */
public final class MatrixLoader {
    private static final int MAX_CELLS = Integer.MAX_VALUE - 16;
    private final Warehouse warehouse;

    public MatrixLoader(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Loads {@code orderedFrame} (already ordered) with {@code features} columns. */
    public LabeledMatrix load(String orderedFrame, List<String> features) {
        long count = warehouse.queryLong("SELECT COUNT(*) FROM (" + orderedFrame + ") n");
        int cols = features.size();
        if (count * Math.max(1, cols) > MAX_CELLS) {
            throw new IllegalStateException("training frame too large for one matrix: " + count + " rows x " + cols
                    + " features (at most " + MAX_CELLS + " cells); sample customers with a sql_feature filter");
        }
        int rows = (int) count;
        float[] x = new float[rows * cols];
        float[] y = new float[rows];
        MessageDigest digest = sha256();
        ByteBuffer buf = ByteBuffer.allocate(4 * (cols + 1));
        int[] at = {0};
        warehouse.query(orderedFrame, List.of(), row -> {
            int r = at[0];
            if (r >= rows) {
                throw new IllegalStateException("the training frame changed while loading (more than " + rows + " rows)");
            }
            digest.update(String.valueOf(row.get(0)).getBytes(StandardCharsets.UTF_8));
            buf.clear();
            for (int c = 0; c < cols; c++) {
                float v = value(row, c + 1);
                x[r * cols + c] = v;
                buf.putFloat(v);
            }
            Object label = row.get(cols + 1);
            y[r] = label == null ? 0f : ((Number) label).floatValue();
            buf.putFloat(y[r]);
            digest.update(buf.array(), 0, buf.position());
            at[0]++;
        });
        if (at[0] != rows) {
            throw new IllegalStateException("the training frame changed while loading (" + at[0] + " of " + rows + " rows)");
        }
        return new LabeledMatrix(x, y, rows, cols, HexFormat.of().formatHex(digest.digest()));
    }

    static float value(Row row, int index) {
        Object v = row.get(index);
        if (v == null) {
            return Float.NaN;
        }
        if (v instanceof Number n) {
            return (float) n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1f : 0f;
        }
        throw new IllegalStateException("feature " + row.columnName(index) + " is not numeric (" + v.getClass().getSimpleName() + ")");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
