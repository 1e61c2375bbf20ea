package io.seglift.scoring.propensity.train;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTrainerTest {
    private static final int COLS = 8;

    @Test
    void theOnePassModelHasTheMarginsOfARefitOfTheBestRounds() throws Exception {
        LabeledMatrix train = synthetic(6_000, 1);
        LabeledMatrix valid = synthetic(2_000, 2);
        Map<String, Object> overrides = Map.of("num_round", 120, "early_stopping_rounds", 8);
        TrainedModel model = new ModelTrainer().train(train, valid, names(), overrides);
        assertThat(model.rounds()).isLessThan(120);

        XgbParams params = XgbParams.of(overrides, train.positives(), train.rows() - train.positives());
        DMatrix dtrain = ModelTrainer.matrix(train);
        DMatrix dvalid = ModelTrainer.matrix(valid);
        Booster refit = XGBoost.train(dtrain, params.booster(), model.rounds(), Map.of(), null, null);
        Booster expected = XGBoost.loadModel(ModelTrainer.correctIntercept(refit.toByteArray("json"), params.scalePosWeight()));
        Booster actual = XGBoost.loadModel(model.modelJson());
        try {
            assertThat(actual.getNumBoostedRound()).isEqualTo(model.rounds());
            float[][] want = expected.predict(dvalid, true);
            float[][] got = actual.predict(dvalid, true);
            for (int i = 0; i < want.length; i++) {
                assertThat((double) got[i][0]).as("margin of row %d", i).isCloseTo(want[i][0], org.assertj.core.data.Offset.offset(1e-6));
            }
        } finally {
            refit.dispose();
            expected.dispose();
            actual.dispose();
            dtrain.dispose();
            dvalid.dispose();
        }
    }

    @Test
    void cuttingKeepsTheFirstTreesOnly() throws Exception {
        LabeledMatrix train = synthetic(1_000, 3);
        DMatrix d = ModelTrainer.matrix(train);
        Booster b = XGBoost.train(d, XgbParams.of(Map.of(), 1, 1).booster(), 10, Map.of(), null, null);
        try {
            byte[] cut = BoosterCut.firstTrees(b.toByteArray("json"), 4);
            assertThat(BoosterCut.trees(cut)).isEqualTo(4);
            Booster loaded = XGBoost.loadModel(cut);
            assertThat(loaded.getNumBoostedRound()).isEqualTo(4);
            loaded.dispose();
        } finally {
            b.dispose();
            d.dispose();
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COLS; c++) {
            names.add("x" + c);
        }
        return names;
    }

    private static LabeledMatrix synthetic(int rows, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * COLS];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < COLS; c++) {
                x[i * COLS + c] = r.nextDouble() < 0.1 ? Float.NaN : (float) r.nextGaussian();
            }
            double a = Float.isNaN(x[i * COLS]) ? 0 : x[i * COLS];
            double b = Float.isNaN(x[i * COLS + 1]) ? 0 : x[i * COLS + 1];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(1.5 - 1.2 * a + 0.8 * b - 0.5 * a * b)) ? 1 : 0;
        }
        return new LabeledMatrix(x, y, rows, COLS, "test-" + seed);
    }
}
