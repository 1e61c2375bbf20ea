package io.seglift.scoring.propensity;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks scores of both paths against XGBoost's own predictions on the same feature rows, row by row. */
final class Agreement {
    private Agreement() {
    }

    /** Returns the largest |sql - xgboost|; fails on any row off by more than 1e-5 or without missing values. */
    static double check(Warehouse w, FeatureSet features, byte[] modelJson, Map<String, Double> sqlScores,
                        Map<String, Double> jvmScores) throws Exception {
        List<String> keys = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        int cols = features.names().size();
        int[] missing = {0};
        w.query(features.select(w.dialect()), List.of(), r -> {
            keys.add(r.string("customer_key"));
            float[] x = new float[cols];
            for (int c = 0; c < cols; c++) {
                Object v = r.get(c + 1);
                x[c] = v == null ? Float.NaN : (float) ((Number) v).doubleValue();
                missing[0] += v == null ? 1 : 0;
            }
            rows.add(x);
        });
        assertThat(missing[0]).as("the test set has missing values").isGreaterThan(100);
        assertThat(sqlScores).hasSize(keys.size());
        assertThat(jvmScores).hasSize(keys.size());
        float[] flat = new float[keys.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * cols, cols);
        }
        Booster booster = XGBoost.loadModel(modelJson);
        DMatrix dm = new DMatrix(flat, keys.size(), cols, Float.NaN);
        float[][] expected = booster.predict(dm);
        TreeEnsemble ensemble = TreeEnsemble.parse(modelJson);
        double worst = 0;
        for (int i = 0; i < keys.size(); i++) {
            double xgb = expected[i][0];
            assertThat(sqlScores.get(keys.get(i))).as("sql score of %s", keys.get(i)).isCloseTo(xgb, within(1e-5));
            assertThat(jvmScores.get(keys.get(i))).as("jvm score of %s", keys.get(i)).isCloseTo(xgb, within(1e-5));
            double[] row = new double[cols];
            for (int c = 0; c < cols; c++) {
                row[c] = rows.get(i)[c];
            }
            assertThat(ensemble.predict(row)).isCloseTo(xgb, within(1e-5));
            worst = Math.max(worst, Math.abs(sqlScores.get(keys.get(i)) - xgb));
        }
        booster.dispose();
        dm.dispose();
        return worst;
    }
}
