package io.seglift.scoring.propensity.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.scoring.propensity.metrics.BinaryMetrics;
import io.seglift.scoring.propensity.metrics.FeatureImportance;
import io.seglift.scoring.propensity.metrics.ValidationReport;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Trains a binary:logistic booster on one matrix with early stopping on another (the later period; at most
 * {@value #EARLY_STOP_ROWS} of its rows, {@link ValidationSample}), in one pass: the
 * stored model is the early-stopped booster cut to its first {@code best + 1} trees, which is exactly what a refit of
 * that many rounds would grow (same seed, same rows, same random draws per round). Class imbalance is handled with
 * {@code scale_pos_weight}; because weighting positives by w multiplies the learned odds by w, the intercept
 * ({@code base_score}) is then shifted by {@code -ln(w)} so scores stay probabilities. Deterministic: fixed seed and
 * thread count, rows in key order.
 */
public final class ModelTrainer {
    /** How many features the report lists. */
    public static final int TOP_FEATURES = 15;
    /**
     * Most validation rows early stopping evaluates each round (a seeded stratified sample, {@link ValidationSample});
     * the reported metrics use every validation row. Evaluating all of them cost as much as the round itself at 1M
     * customers (docs/benchmarks.md, "Training: early stopping on a validation sample").
     */
    public static final int EARLY_STOP_ROWS = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Trains on {@code train}, stops early on {@code valid}, and reports metrics on {@code valid}. */
    public TrainedModel train(LabeledMatrix train, LabeledMatrix valid, List<String> features,
                              Map<String, Object> overrides) {
        if (train.rows() == 0 || valid.rows() == 0) {
            throw new IllegalArgumentException("no rows to train on (training " + train.rows() + ", validation "
                    + valid.rows() + ")");
        }
        long pos = train.positives();
        XgbParams params = XgbParams.of(overrides, pos, train.rows() - pos);
        try {
            DMatrix dtrain = matrix(train);
            DMatrix dstop = matrix(ValidationSample.stratified(valid, EARLY_STOP_ROWS, seedOf(params)));
            byte[] json = correctIntercept(earlyStopped(dtrain, dstop, params), params.scalePosWeight());
            dstop.dispose();
            int best = BoosterCut.trees(json) - 1;
            Booster model = XGBoost.loadModel(json);
            DMatrix dvalid = matrix(valid);
            double[] p = predict(model, dvalid);
            ValidationReport report = BinaryMetrics.report(p, valid.y())
                    .withImportances(importances(model, features));
            model.dispose();
            dtrain.dispose();
            dvalid.dispose();
            return new TrainedModel(json, List.copyOf(features), params.all(), best + 1, train.rows(), pos, report);
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    private static long seedOf(XgbParams params) {
        return Long.parseLong(String.valueOf(params.booster().getOrDefault("seed", 42)).trim());
    }

    static DMatrix matrix(LabeledMatrix m) throws XGBoostError {
        DMatrix d = new DMatrix(m.x(), m.rows(), m.cols(), Float.NaN);
        d.setLabel(m.y());
        return d;
    }

    static double[] predict(Booster booster, DMatrix d) throws XGBoostError {
        float[][] raw = booster.predict(d);
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = raw[i][0];
        }
        return p;
    }

    /**
     * Boosts one round at a time, evaluating the validation log loss quietly (XGBoost's own early stopping prints to
     * stdout), stops after {@code early_stopping_rounds} without improvement, and returns the model JSON cut to the
     * best round. The validation matrix is registered with the booster so each evaluation adds only the newest tree
     * to its cached margins instead of predicting every tree again.
     */
    static byte[] earlyStopped(DMatrix dtrain, DMatrix dvalid, XgbParams params) throws XGBoostError, IOException {
        Booster probe = XGBoost.train(dtrain, params.booster(), 0, Map.of("valid", dvalid), null, null);
        DMatrix[] sets = {dvalid};
        String[] names = {"valid"};
        float[] metric = new float[1];
        int best = 0;
        float bestLoss = Float.POSITIVE_INFINITY;
        try {
            for (int i = 0; i < params.rounds() && i - best <= params.earlyStop(); i++) {
                probe.update(dtrain, i);
                probe.evalSet(sets, names, i, metric);
                if (metric[0] < bestLoss) {
                    bestLoss = metric[0];
                    best = i;
                }
            }
            return BoosterCut.firstTrees(probe.toByteArray("json"), best + 1);
        } finally {
            probe.dispose();
        }
    }

    /** Shifts the logistic intercept by {@code -ln(w)}. */
    static byte[] correctIntercept(byte[] modelJson, double w) throws IOException {
        if (Math.abs(w - 1.0) < 1e-12) {
            return modelJson;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(modelJson);
        ObjectNode param = (ObjectNode) root.path("learner").path("learner_model_param");
        double base = Double.parseDouble(param.path("base_score").asText().replace("[", "").replace("]", ""));
        double margin = Math.log(base / (1 - base)) - Math.log(w);
        float corrected = (float) (1.0 / (1.0 + Math.exp(-margin)));
        param.put("base_score", Float.toString(corrected).replace('e', 'E'));
        return JSON.writeValueAsBytes(root);
    }

    private static List<FeatureImportance> importances(Booster booster, List<String> features) throws XGBoostError {
        Map<String, Double> gain = booster.getScore(features.toArray(String[]::new), "gain");
        double total = gain.values().stream().mapToDouble(Double::doubleValue).sum();
        List<FeatureImportance> out = new ArrayList<>();
        gain.forEach((k, v) -> out.add(new FeatureImportance(k, v, total == 0 ? 0 : v / total)));
        out.sort(Comparator.comparingDouble(FeatureImportance::gain).reversed());
        return out.size() > TOP_FEATURES ? List.copyOf(out.subList(0, TOP_FEATURES)) : out;
    }
}
