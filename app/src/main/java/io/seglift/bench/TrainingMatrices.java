package io.seglift.bench;

import io.seglift.config.ModelConfig;
import io.seglift.scoring.features.FeatureBuilder;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.train.LabelSql;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.MatrixLoader;
import io.seglift.scoring.propensity.train.XgbParams;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.time.LocalDate;

/**
 * The rows the propensity trainer learns from (features as of {@code asOf - 2H}, labels in the next H days), loaded
 * once through the same public pieces, for the baselines that time XGBoost4J alone.
 *
 * @param train  the training rows
 * @param params Seglift's XGBoost parameters for them
 */
record TrainingMatrices(LabeledMatrix train, XgbParams params) {

    static TrainingMatrices load(BenchContext ctx) {
        ModelConfig model = ctx.modelConfig();
        LocalDate cutoff = ctx.asOf().minusDays(2L * model.target().horizonDays());
        FeatureSet set = new FeatureBuilder(ctx.project().sources(), ctx.warehouse()).build(model, cutoff);
        LabelSql labels = new LabelSql(ctx.project().sources(), ctx.warehouse().dialect());
        LabeledMatrix m = new MatrixLoader(ctx.warehouse()).load(labels.ordered(labels.frame(model, set)), set.names());
        long positives = m.positives();
        return new TrainingMatrices(m, XgbParams.of(model.params(), positives, m.rows() - positives));
    }

    DMatrix trainMatrix() throws XGBoostError {
        DMatrix d = new DMatrix(train.x(), train.rows(), train.cols(), Float.NaN);
        d.setLabel(train.y());
        return d;
    }

    /** {@code rows} feature rows cycled from the training rows: the same shape and value spread as scoring sees. */
    DMatrix rows(long rows) throws XGBoostError {
        int n = Math.toIntExact(rows);
        int cols = train.cols();
        float[] x = new float[Math.multiplyExact(n, cols)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(train.x(), (i % train.rows()) * cols, x, i * cols, cols);
        }
        return new DMatrix(x, n, cols, Float.NaN);
    }
}
