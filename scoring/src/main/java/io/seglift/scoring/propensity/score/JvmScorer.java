package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Row;
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
import java.util.List;

/**
 * Scores in the JVM: feature rows stream from the warehouse in chunks of {@value #CHUNK}, XGBoost4J predicts each
 * chunk into a local spill file (key, score), and after the read the scores go back through the bulk writer (a read
 * and a bulk load cannot share one connection on every engine, e.g. PostgreSQL COPY); deciles are then assigned in
 * SQL. Memory stays bounded by the chunk. Used to cross-check the SQL path and
 * for engines where the compiled expression is too large.
 */
public final class JvmScorer {
    static final int CHUNK = 20_000;
    private final Warehouse w;
    private final Clock clock;

    public JvmScorer(Warehouse warehouse, Clock clock) {
        this.w = warehouse;
        this.clock = clock;
    }

    public ScoreRun score(String modelId, String modelName, byte[] modelJson, FeatureSet features, LocalDate asOf) {
        long start = clock.millis();
        ScoreTable table = new ScoreTable(w);
        int cols = features.features().size();
        long[] total = {0};
        try {
            Booster booster = XGBoost.loadModel(modelJson);
            Path spill = Files.createTempFile("seglift-scores-", ".bin");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill)))) {
                    Chunk chunk = new Chunk(cols);
                    w.query(features.select(w.dialect()), List.of(), row -> {
                        chunk.add(row);
                        if (chunk.size == CHUNK) {
                            total[0] += chunk.flush(booster, out);
                        }
                    });
                    total[0] += chunk.flush(booster, out);
                }
                table.clear(modelId, asOf);
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill)));
                     BulkWriter writer = w.bulkWriter(table.table(),
                             List.of("model_id", "model_name", "as_of", "customer_key", "score"))) {
                    for (long i = 0; i < total[0]; i++) {
                        writer.row(modelId, modelName, asOf, in.readUTF(), in.readDouble());
                    }
                }
                table.assignDeciles(modelId, asOf);
            } finally {
                booster.dispose();
                Files.deleteIfExists(spill);
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost cannot score with model " + modelId + ": " + e.getMessage(), e);
        }
        return new ScoreRun(modelId, modelName, asOf, total[0], "jvm", clock.millis() - start);
    }

    /** One chunk of feature rows as a row-major float array. */
    private static final class Chunk {
        final int cols;
        final float[] x;
        final String[] keys = new String[CHUNK];
        int size;

        Chunk(int cols) {
            this.cols = cols;
            this.x = new float[CHUNK * cols];
        }

        void add(Row row) {
            keys[size] = String.valueOf(row.get(0));
            for (int c = 0; c < cols; c++) {
                Object v = row.get(c + 1);
                x[size * cols + c] = v == null ? Float.NaN : (float) ((Number) v).doubleValue();
            }
            size++;
        }

        long flush(Booster booster, DataOutputStream out) throws XGBoostError, IOException {
            if (size == 0) {
                return 0;
            }
            float[] data = size == CHUNK ? x : java.util.Arrays.copyOf(x, size * cols);
            float[][] p = booster.inplace_predict(data, size, cols, Float.NaN);
            for (int i = 0; i < size; i++) {
                out.writeUTF(keys[i]);
                out.writeDouble(p[i][0]);
            }
            long n = size;
            size = 0;
            return n;
        }
    }
}
