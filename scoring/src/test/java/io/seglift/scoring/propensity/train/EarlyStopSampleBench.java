package io.seglift.scoring.propensity.train;

import io.seglift.scoring.propensity.metrics.BinaryMetrics;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Early stopping evaluated on every validation row against a {@link ValidationSample} of
 * {@link ModelTrainer#EARLY_STOP_ROWS}, alternated in one process (medians of 3), on synthetic rows shaped like the
 * bench's churn model (TRAIN_ROWS x COLS, 10% missing, logistic label with an interaction). Prints each side's trees
 * and AUC on all validation rows. Run by hand: {@code EarlyStopSampleBench TRAIN_ROWS VALID_ROWS COLS}.
 */
public final class EarlyStopSampleBench {
    public static void main(String[] args) throws Exception {
        int trainRows = Integer.parseInt(args[0]);
        int validRows = Integer.parseInt(args[1]);
        int cols = Integer.parseInt(args[2]);
        LabeledMatrix train = synthetic(trainRows, cols, 1);
        LabeledMatrix valid = synthetic(validRows, cols, 2);
        XgbParams params = XgbParams.of(Map.of(), train.positives(), train.rows() - train.positives());
        DMatrix dtrain = ModelTrainer.matrix(train);
        double[][] t = new double[2][3];
        byte[][] models = new byte[2][];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                int side = i % 2 == 0 ? k : 1 - k;
                long start = System.nanoTime();
                LabeledMatrix stop = side == 0 ? valid : ValidationSample.stratified(valid, ModelTrainer.EARLY_STOP_ROWS, 42);
                DMatrix dstop = ModelTrainer.matrix(stop);
                models[side] = ModelTrainer.earlyStopped(dtrain, dstop, params);
                dstop.dispose();
                t[side][i] = (System.nanoTime() - start) / 1e9;
            }
        }
        DMatrix dvalid = ModelTrainer.matrix(valid);
        String[] label = {"all " + validRows + " validation rows", "sample of " + ModelTrainer.EARLY_STOP_ROWS};
        for (int side = 0; side < 2; side++) {
            Booster b = XGBoost.loadModel(models[side]);
            double auc = BinaryMetrics.aucRoc(ModelTrainer.predict(b, dvalid), valid.y());
            Arrays.sort(t[side]);
            System.out.printf(java.util.Locale.ROOT, "early stopping on %s: median %.3f s %s, %d trees, AUC (all rows) %.5f%n",
                    label[side], t[side][1], Arrays.toString(t[side]), BoosterCut.trees(models[side]), auc);
            b.dispose();
        }
        System.out.printf(java.util.Locale.ROOT, "ratio sample/all %.3f%n", t[1][1] / t[0][1]);
        System.out.println("load average " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }

    static LabeledMatrix synthetic(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * cols];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            double z = -2.0;
            for (int c = 0; c < cols; c++) {
                double v = r.nextGaussian();
                x[i * cols + c] = r.nextDouble() < 0.1 ? Float.NaN : (float) v;
                z += (c % 3 == 0 ? 0.6 : 0.15) * v;
            }
            z += 0.8 * nz(x[0]) * nz(x[1]);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new LabeledMatrix(x, y, rows, cols, "synthetic");
    }

    private static double nz(float v) {
        return Float.isNaN(v) ? 0 : v;
    }
}
