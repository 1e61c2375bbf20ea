package io.seglift.scoring.propensity.bench;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.XgbParams;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The code paths before issue 14, kept only to time them against the current ones in the same process: training in
 * two passes (early stopping without the validation cache, then a refit), the feature matrix read after a COUNT, and
 * the JVM scorer that writes through the appender in chunks of 20,000 and assigns deciles with an UPDATE.
 */
final class Legacy {
    private Legacy() {
    }

    /** Two-pass training; returns the trees kept. */
    static int train(LabeledMatrix train, LabeledMatrix valid) throws Exception {
        long pos = train.positives();
        XgbParams params = XgbParams.of(Map.of(), pos, train.rows() - pos);
        DMatrix dtrain = matrix(train);
        DMatrix dvalid = matrix(valid);
        Booster probe = XGBoost.train(dtrain, params.booster(), 0, Map.of(), null, null);
        DMatrix[] sets = {dvalid};
        String[] names = {"valid"};
        float[] metric = new float[1];
        int best = 0;
        float bestLoss = Float.POSITIVE_INFINITY;
        for (int i = 0; i < params.rounds() && i - best <= params.earlyStop(); i++) {
            probe.update(dtrain, i);
            probe.evalSet(sets, names, i, metric);
            if (metric[0] < bestLoss) {
                bestLoss = metric[0];
                best = i;
            }
        }
        probe.dispose();
        Booster fitted = XGBoost.train(dtrain, params.booster(), best + 1, Map.of(), null, null);
        fitted.predict(dvalid);
        fitted.dispose();
        dtrain.dispose();
        dvalid.dispose();
        return best + 1;
    }

    static DMatrix matrix(LabeledMatrix m) throws Exception {
        DMatrix d = new DMatrix(m.x(), m.rows(), m.cols(), Float.NaN);
        d.setLabel(m.y());
        return d;
    }

    /** COUNT first, then the rows into an array of that size. */
    static int loadMatrix(Warehouse w, String frame, int cols) {
        int rows = (int) w.queryLong("SELECT COUNT(*) FROM (" + frame + ") n");
        float[] x = new float[rows * cols];
        int[] at = {0};
        w.query(frame, List.of(), row -> {
            for (int c = 0; c < cols; c++) {
                Object v = row.get(c + 1);
                x[at[0] * cols + c] = v == null ? Float.NaN : ((Number) v).floatValue();
            }
            at[0]++;
        });
        return at[0];
    }

    /** The JVM scorer before: chunks of 20,000, keys and scores spilled, written through the appender, UPDATE for deciles. */
    static long jvmScore(Warehouse w, String modelId, byte[] json, FeatureSet features, LocalDate asOf) throws Exception {
        int chunk = 20_000;
        int cols = features.features().size();
        Booster booster = XGBoost.loadModel(json);
        java.nio.file.Path spill = java.nio.file.Files.createTempFile("seglift-legacy-", ".bin");
        java.io.DataOutputStream spillOut = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(spill)));
        long[] total = {0};
        float[] x = new float[chunk * cols];
        String[] k = new String[chunk];
        int[] size = {0};
        Runnable flush = () -> {
            if (size[0] == 0) {
                return;
            }
            try {
                float[][] p = booster.inplace_predict(size[0] == chunk ? x : java.util.Arrays.copyOf(x, size[0] * cols),
                        size[0], cols, Float.NaN);
                for (int i = 0; i < size[0]; i++) {
                    spillOut.writeUTF(k[i]);
                    spillOut.writeDouble(p[i][0]);
                }
                total[0] += size[0];
                size[0] = 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        w.query(features.select(w.dialect()), List.of(), row -> {
            k[size[0]] = String.valueOf(row.get(0));
            for (int c = 0; c < cols; c++) {
                Object v = row.get(c + 1);
                x[size[0] * cols + c] = v == null ? Float.NaN : (float) ((Number) v).doubleValue();
            }
            if (++size[0] == chunk) {
                flush.run();
            }
        });
        flush.run();
        spillOut.close();
        booster.dispose();
        Dialect d = w.dialect();
        String t = d.table(w.own("model_scores"));
        String where = "model_id = " + d.literal(modelId) + " AND as_of = " + d.dateLiteral(asOf);
        w.execute("DELETE FROM " + t + " WHERE " + where);
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(spill)));
             BulkWriter out = w.bulkWriter(w.own("model_scores"), List.of("model_id", "model_name", "as_of", "customer_key", "score"))) {
            for (long i = 0; i < total[0]; i++) {
                out.row(modelId, "bench", asOf, in.readUTF(), in.readDouble());
            }
        }
        java.nio.file.Files.delete(spill);
        w.execute("UPDATE " + t + " SET decile = x.dec FROM (SELECT customer_key AS k, NTILE(10) OVER (ORDER BY score, "
                + "customer_key) AS dec FROM " + t + " WHERE " + where + ") x WHERE model_scores.customer_key = x.k AND model_scores."
                + where);
        return total[0];
    }
}
