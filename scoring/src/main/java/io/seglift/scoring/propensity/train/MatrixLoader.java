package io.seglift.scoring.propensity.train;

import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a labelled frame ({@code customer_key}, features in order, {@link LabelSql#LABEL}) from the warehouse in one
 * read into growable blocks ({@link FloatBlocks}), copied once into exactly sized arrays (at most about twice the
 * matrix, only during that copy). Values are read as primitives ({@link Row#doubleOr}); NULL becomes NaN (missing for
 * XGBoost).
 *
 * <p>Why blocks: measured on DuckDB in one process, alternated, medians of 3, under load (load average about 21 on 2
 * cores), on Seglift's own training frame of a 100,000-customer synthetic shop (FeatureBuilder's joins and aggregates,
 * 86,665 x 18): {@code COUNT(*)} then read (the frame evaluated twice) 6.98 s, one read spilled to a float file and
 * read back 4.74 s, growable blocks 4.11 s. On a bare 200,000 x 30 table, where the COUNT is nearly free: 1.08 s,
 * 1.38 s and 1.11 s. ({@code PropensityBench}, docs/benchmarks.md.)
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
        FloatBlocks blocks = new FloatBlocks(cols);
        String fingerprint = read(orderedFrame, cols, blocks::add);
        return blocks.toMatrix(fingerprint);
    }

    /**
     * Loads a frame with one more integer column after the label, a per-row flag such as a leak comparison's
     * ({@code LeakGuard.Probe.flagged}): rows flagged negative are left out of the matrix (they exist only on the
     * other side of the comparison), and every row flagged non-zero is counted. The matrix and its fingerprint are
     * those {@link #load} gives for the frame without the flag.
     */
    public FlaggedMatrix loadFlagged(String orderedFrame, List<String> features) {
        int cols = features.size();
        FloatBlocks blocks = new FloatBlocks(cols);
        long[] flagged = {0};
        String fingerprint = read(orderedFrame, cols, blocks::add, row -> {
            double flag = row.doubleOr(cols + 2, 0);
            if (flag != 0) {
                flagged[0]++;
            }
            return flag >= 0;
        });
        return new FlaggedMatrix(blocks.toMatrix(fingerprint), flagged[0]);
    }

    /**
     * A matrix and how many rows of its frame were flagged.
     *
     * @param matrix      the rows kept
     * @param flaggedRows rows with a non-zero flag, kept or not
     */
    public record FlaggedMatrix(LabeledMatrix matrix, long flaggedRows) {
    }

    String read(String frame, int cols, Consumer<float[]> sink) {
        return read(frame, cols, sink, row -> true);
    }

    /**
     * Runs {@code frame} once and hands each row that {@code keep} accepts to {@code sink} as {@code cols} features
     * then the label (the array is reused between rows); returns the fingerprint of those rows.
     */
    private String read(String frame, int cols, Consumer<float[]> sink, java.util.function.Predicate<Row> keep) {
        MessageDigest digest = sha256();
        ByteBuffer buf = ByteBuffer.allocate(4 * (cols + 1));
        float[] rowValues = new float[cols + 1];
        long[] rows = {0};
        warehouse.query(frame, List.of(), row -> {
            if (!keep.test(row)) {
                return;
            }
            if ((rows[0] + 1) * Math.max(1, cols) > MAX_CELLS) {
                throw new IllegalStateException("training frame too large for one matrix: more than " + rows[0]
                        + " rows x " + cols + " features (at most " + MAX_CELLS
                        + " cells); sample customers with a sql_feature filter");
            }
            digest.update(String.valueOf(row.get(0)).getBytes(StandardCharsets.UTF_8));
            buf.clear();
            for (int c = 0; c <= cols; c++) {
                rowValues[c] = value(row, c + 1, c == cols);
                buf.putFloat(rowValues[c]);
            }
            digest.update(buf.array(), 0, buf.position());
            sink.accept(rowValues);
            rows[0]++;
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static float value(Row row, int index, boolean label) {
        try {
            return (float) row.doubleOr(index, label ? 0 : Double.NaN);
        } catch (WarehouseException e) {
            throw new IllegalStateException((label ? "label " : "feature ") + row.columnName(index) + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
