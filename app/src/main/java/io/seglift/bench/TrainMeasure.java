package io.seglift.bench;

import io.seglift.scoring.propensity.TrainOutcome;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.util.Map;

/**
 * {@code train}: propensity training (features, leak check, early stopping, registration) against XGBoost4J alone
 * fitting the same rows with the same parameters for the number of trees Seglift kept.
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
        DMatrix train = m.trainMatrix();
        try {
            double[] t = alt.run(() -> ctx.models().train(ctx.modelConfig(), ctx.asOf()),
                    () -> XGBoost.train(train, m.params().booster(), rounds, Map.of(), null, null).dispose());
            ctx.modelTrained(ctx.models().registry().find(BenchContext.MODEL).orElseThrow());
            return new Measurement(name(), t[0], t[1], m.train().rows(), target() + " (" + rounds + " trees)");
        } finally {
            train.dispose();
        }
    }
}
