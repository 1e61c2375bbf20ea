package io.seglift.bench;

import io.seglift.scoring.propensity.TrainOutcome;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Map;

/**
 * {@code train}: propensity training (features, leak check, early stopping, registration) against XGBoost4J alone
 * fitting the same rows with the same parameters for the number of trees Seglift kept, each time on a fresh DMatrix.
 */
final class TrainMeasure implements Measure {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String target() {
        return "<= 1.3";
    }

    @Override
    public Measurement run(BenchContext ctx, Alternation alt) throws Exception {
        ctx.note("train: loading the training rows for the XGBoost4J baseline");
        TrainingMatrices m = TrainingMatrices.load(ctx);
        TrainOutcome first = ctx.models().train(ctx.modelConfig(), ctx.asOf());
        int rounds = first.metadata().rounds();
        FreshMatrixFit baseline = new FreshMatrixFit(m, rounds);
        try {
            double[] t = alt.run(() -> ctx.models().train(ctx.modelConfig(), ctx.asOf()), baseline);
            ctx.modelTrained(ctx.models().registry().find(BenchContext.MODEL).orElseThrow());
            return new Measurement(name(), t[0], t[1], m.train().rows(), target() + " (" + rounds + " trees)");
        } finally {
            baseline.dispose();
        }
    }

    /**
     * XGBoost4J's fit on a DMatrix built (untimed) before each run: a DMatrix keeps the quantile sketch and histogram
     * index of its first fit, so refitting the same one would leave out work that every Seglift training does.
     */
    private static final class FreshMatrixFit implements Alternation.Step {
        private final TrainingMatrices rows;
        private final int rounds;
        private DMatrix matrix;

        FreshMatrixFit(TrainingMatrices rows, int rounds) {
            this.rows = rows;
            this.rounds = rounds;
        }

        @Override
        public void prepare() throws XGBoostError {
            dispose();
            matrix = rows.trainMatrix();
        }

        @Override
        public void run() throws XGBoostError {
            XGBoost.train(matrix, rows.params().booster(), rounds, Map.of(), null, null).dispose();
        }

        void dispose() throws XGBoostError {
            if (matrix != null) {
                matrix.dispose();
                matrix = null;
            }
        }
    }
}
