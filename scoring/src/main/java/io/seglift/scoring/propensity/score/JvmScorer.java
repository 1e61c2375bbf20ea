package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Scores in the JVM: feature rows stream from the warehouse in chunks of {@value #CHUNK}, XGBoost4J predicts each
 * chunk, scores go back through the bulk writer; deciles are then assigned in SQL. Used to cross-check the SQL path and
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
            try {
                table.clear(modelId, asOf);
                try (BulkWriter out = w.bulkWriter(table.table(),
                        List.of("model_id", "model_name", "as_of", "customer_key", "score"))) {
                    Chunk chunk = new Chunk(cols);
                    w.query(features.select(w.dialect()), List.of(), row -> {
                        chunk.add(row);
                        if (chunk.size == CHUNK) {
                            total[0] += chunk.flush(booster, out, modelId, modelName, asOf);
                        }
                    });
                    total[0] += chunk.flush(booster, out, modelId, modelName, asOf);
                }
                table.assignDeciles(modelId, asOf);
            } finally {
                booster.dispose();
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

        long flush(Booster booster, BulkWriter out, String id, String name, LocalDate asOf) throws XGBoostError {
            if (size == 0) {
                return 0;
            }
            float[] data = size == CHUNK ? x : java.util.Arrays.copyOf(x, size * cols);
            float[][] p = booster.inplace_predict(data, size, cols, Float.NaN);
            for (int i = 0; i < size; i++) {
                out.row(id, name, asOf, keys[i], (double) p[i][0]);
            }
            long n = size;
            size = 0;
            return n;
        }
    }
}
