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
 * Streams a labelled frame ({@code customer_key}, features in order, {@link LabelSql#LABEL}) from the warehouse in one
 * read: rows go as floats to a local spill file ({@link FloatSpill}) and, once the count is known, into one exactly
 * sized array, so the heap never holds more than the matrix and no per-row objects are kept. NULL becomes NaN
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
        int cols = features.size();
        try (FloatSpill spill = new FloatSpill()) {
            MessageDigest digest = sha256();
            ByteBuffer buf = ByteBuffer.allocate(4 * (cols + 1));
            float[] rowValues = new float[cols + 1];
            long[] rows = {0};
            warehouse.query(orderedFrame, List.of(), row -> {
                if ((rows[0] + 1) * Math.max(1, cols) > MAX_CELLS) {
                    throw new IllegalStateException("training frame too large for one matrix: more than " + rows[0]
                            + " rows x " + cols + " features (at most " + MAX_CELLS
                            + " cells); sample customers with a sql_feature filter");
                }
                digest.update(String.valueOf(row.get(0)).getBytes(StandardCharsets.UTF_8));
                buf.clear();
                for (int c = 0; c < cols; c++) {
                    float v = value(row, c + 1);
                    rowValues[c] = v;
                    buf.putFloat(v);
                }
                Object label = row.get(cols + 1);
                rowValues[cols] = label == null ? 0f : ((Number) label).floatValue();
                buf.putFloat(rowValues[cols]);
                digest.update(buf.array(), 0, buf.position());
                spill.add(rowValues);
                rows[0]++;
            });
            int n = (int) rows[0];
            float[] x = new float[n * cols];
            float[] y = new float[n];
            spill.readRows(cols, x, y);
            return new LabeledMatrix(x, y, n, cols, HexFormat.of().formatHex(digest.digest()));
        }
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
