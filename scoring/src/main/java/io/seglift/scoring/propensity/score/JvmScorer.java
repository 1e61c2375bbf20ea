package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scores in the JVM: feature rows stream from the warehouse into one reused float array of {@value #CHUNK} rows,
 * XGBoost4J predicts each full chunk in one call into a local spill file (key, score), and after the read the scores
 * go through the engine's bulk writer (DuckDB's appender, PostgreSQL's COPY) into a load table; one
 * {@code INSERT ... SELECT} then replaces the (model, as-of) with deciles assigned in SQL ({@link ScoreTable}). A read
 * and a bulk load cannot share one connection on every engine, hence the spill. Memory stays bounded by the chunk.
 */
public final class JvmScorer {
    static final int CHUNK = 1 << 17;
    private final Warehouse w;
    private final Clock clock;

    public JvmScorer(Warehouse warehouse, Clock clock) {
        this.w = warehouse;
        this.clock = clock;
    }

    public ScoreRun score(String modelId, String modelName, byte[] modelJson, FeatureSet features, LocalDate asOf) {
        long start = clock.millis();
        int cols = features.features().size();
        try {
            Booster booster = XGBoost.loadModel(modelJson);
            Path spill = Files.createTempFile("seglift-scores-", ".bin");
            try {
                long total;
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16))) {
                    Chunk chunk = new Chunk(cols, booster, out);
                    w.query(features.select(w.dialect()), List.of(), chunk::add);
                    total = chunk.finish();
                }
                long written = load(spill, total, modelId, modelName, asOf);
                return new ScoreRun(modelId, modelName, asOf, written, "jvm", clock.millis() - start);
            } finally {
                booster.dispose();
                Files.deleteIfExists(spill);
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost cannot score with model " + modelId + ": " + e.getMessage(), e);
        }
    }

    private long load(Path spill, long total, String modelId, String modelName, LocalDate asOf) throws IOException {
        Dialect d = w.dialect();
        TableName staging = w.own("model_scores_load_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        w.execute("CREATE TABLE " + d.table(staging) + " (customer_key " + d.type(ColumnType.TEXT) + " NOT NULL, score "
                + d.type(ColumnType.DOUBLE) + ")");
        try {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16));
                 BulkWriter writer = w.bulkWriter(staging, List.of("customer_key", "score"))) {
                Object[] row = new Object[2];
                for (long i = 0; i < total; i++) {
                    row[0] = in.readUTF();
                    row[1] = (double) in.readFloat();
                    writer.row(row);
                }
            }
            return new ScoreTable(w).replace(modelId, modelName, asOf,
                    "SELECT customer_key, score FROM " + d.table(staging));
        } finally {
            w.execute("DROP TABLE IF EXISTS " + d.table(staging));
        }
    }

    /** One chunk of feature rows as a row-major float array, predicted when full. */
    private static final class Chunk {
        final int cols;
        final float[] x;
        final String[] keys = new String[CHUNK];
        final Booster booster;
        final DataOutputStream out;
        int size;
        long total;

        Chunk(int cols, Booster booster, DataOutputStream out) {
            this.cols = cols;
            this.x = new float[CHUNK * cols];
            this.booster = booster;
            this.out = out;
        }

        void add(Row row) throws XGBoostError, IOException {
            keys[size] = String.valueOf(row.get(0));
            int base = size * cols;
            for (int c = 0; c < cols; c++) {
                Object v = row.get(c + 1);
                x[base + c] = v == null ? Float.NaN : (float) ((Number) v).doubleValue();
            }
            if (++size == CHUNK) {
                flush();
            }
        }

        long finish() throws XGBoostError, IOException {
            flush();
            return total;
        }

        private void flush() throws XGBoostError, IOException {
            if (size == 0) {
                return;
            }
            float[] data = size == CHUNK ? x : java.util.Arrays.copyOf(x, size * cols);
            float[][] p = booster.inplace_predict(data, size, cols, Float.NaN);
            for (int i = 0; i < size; i++) {
                out.writeUTF(keys[i]);
                out.writeFloat(p[i][0]);
            }
            total += size;
            size = 0;
        }
    }
}
