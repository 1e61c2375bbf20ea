package io.seglift.scoring.propensity.cv;

import io.seglift.config.ModelConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.scoring.features.FeatureBuilder;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.metrics.BinaryMetrics;
import io.seglift.scoring.propensity.metrics.ValidationReport;
import io.seglift.scoring.propensity.train.LabelSql;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.MatrixLoader;
import io.seglift.scoring.propensity.train.ModelTrainer;
import io.seglift.scoring.propensity.train.TrainedModel;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * K-fold cross-validation of a label-column model. Folds are stratified by the label and assigned by a stable hash of
 * the customer key ({@link FoldAssignment}, salt {@value #SALT}), so they are the same on every run. For each fold the
 * ordinary trainer fits on the other folds, minus a stratified fifth of them (salt {@value #EARLY_STOP_SALT}) kept
 * for early stopping, and the fold's held-out rows are scored by that model: no held-out row influences its model.
 * Nothing is registered; {@code seglift models train} without {@code --cv} trains the stored model.
 */
public final class CrossValidation {
    /** Salt of the fold assignment. */
    public static final String SALT = "seglift-cv";
    /** Salt of the early-stopping rows taken from each fold's training rows. */
    public static final String EARLY_STOP_SALT = "seglift-cv-early-stopping";
    /** The early-stopping rows are one of this many stratified parts of the training rows. */
    static final int EARLY_STOP_PARTS = 5;

    private final SourcesConfig sources;
    private final Warehouse warehouse;
    private final Progress progress;

    public CrossValidation(SourcesConfig sources, Warehouse warehouse, Progress progress) {
        this.sources = sources;
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /** Cross-validates {@code model} over {@code k} folds. */
    public CrossValidationResult run(ModelConfig model, int k) {
        if (model.target().kind() != ModelConfig.Target.Kind.LABEL) {
            throw new IllegalArgumentException("--cv: scoring.models." + model.name() + " is a "
                    + model.target().kind().name().toLowerCase(Locale.ROOT) + " model, validated out of time on the "
                    + "latest complete period; cross-validation is for label-column models (target: label)");
        }
        FeatureSet features = new FeatureBuilder(sources, warehouse).build(model, null);
        LabelSql labels = new LabelSql(sources, warehouse.dialect());
        String frame = labels.frame(model, features);
        progress.start("loading rows of " + model.name(), -1);
        List<String> keys = warehouse.queryList("SELECT customer_key FROM (" + frame + ") k ORDER BY customer_key",
                List.of(), r -> r.string("customer_key"));
        LabeledMatrix all = new MatrixLoader(warehouse).load(labels.ordered(frame), features.names());
        progress.finish(all.rows() + " rows, " + features.names().size() + " features");
        if (all.rows() != keys.size()) {
            throw new IllegalStateException("the label table changed while loading (" + keys.size() + " keys, "
                    + all.rows() + " rows)");
        }
        requireUniqueKeys(model, keys);
        int[] folds = FoldAssignment.assign(keys, all.y(), k, SALT);
        List<FoldResult> results = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            progress.start("fold " + (fold + 1) + " of " + k, -1);
            FoldResult r = fold(model, features.names(), all, keys, folds, fold);
            progress.finish(String.format(Locale.ROOT, "AUC %.4f", r.auc()));
            results.add(r);
        }
        return new CrossValidationResult(model.name(), k, all.rows(), all.positives(), features.names().size(),
                results, features.notes());
    }

    private FoldResult fold(ModelConfig model, List<String> names, LabeledMatrix all, List<String> keys, int[] folds,
                            int fold) {
        int[] trainRows = FoldAssignment.rows(folds, fold, false);
        LabeledMatrix test = all.select(FoldAssignment.rows(folds, fold, true));
        List<String> trainKeys = new ArrayList<>(trainRows.length);
        float[] trainY = new float[trainRows.length];
        for (int i = 0; i < trainRows.length; i++) {
            trainKeys.add(keys.get(trainRows[i]));
            trainY[i] = all.y()[trainRows[i]];
        }
        int[] inner = FoldAssignment.assign(trainKeys, trainY, EARLY_STOP_PARTS, EARLY_STOP_SALT);
        LabeledMatrix fit = all.select(pick(trainRows, FoldAssignment.rows(inner, 0, false)));
        LabeledMatrix stop = all.select(pick(trainRows, FoldAssignment.rows(inner, 0, true)));
        TrainedModel trained = new ModelTrainer().train(fit, stop, names, model.params());
        ValidationReport report = BinaryMetrics.report(predict(trained.modelJson(), test), test.y());
        return new FoldResult(fold + 1, test.rows(), test.positives(), fit.rows(), trained.rounds(), report.aucRoc(),
                report.prAuc(), report.logLoss(), report.brier());
    }

    private static int[] pick(int[] rows, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = rows[idx[i]];
        }
        return out;
    }

    private static void requireUniqueKeys(ModelConfig model, List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).equals(keys.get(i - 1))) {
                throw new IllegalArgumentException("scoring.models." + model.name() + ".target.label.key: the key is "
                        + "not unique in the label table (a key appears more than once); folds need one row per key");
            }
        }
    }

    private static double[] predict(byte[] modelJson, LabeledMatrix m) {
        try {
            Booster booster = XGBoost.loadModel(modelJson);
            DMatrix d = new DMatrix(m.x(), m.rows(), m.cols(), Float.NaN);
            try {
                float[][] raw = booster.predict(d);
                double[] p = new double[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    p[i] = raw[i][0];
                }
                return p;
            } finally {
                d.dispose();
                booster.dispose();
            }
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }
}
