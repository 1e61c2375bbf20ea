package io.seglift.bench;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.registry.ModelMetadata;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.score.OriginalShapeScorer;
import io.seglift.scoring.propensity.sql.TreeEnsemble;

/**
 * {@code score_sql_shape}: the SQL path as {@code seglift models score --path sql} runs it (the current shape,
 * {@code SqlScorePlan}) against the same model, features and {@code model_scores} write in the SQL shape the path had
 * before issue 14 ({@link OriginalShapeScorer}). Both replace the same (model, as-of), so each run deletes and
 * writes as many rows; the ratio is the current time over the original's, and issue 14 asks for 1.6x the original's
 * rows/s, i.e. a ratio of at most 1 / 1.6.
 */
final class SqlShapeMeasure implements Measure {
    @Override
    public String name() {
        return "score_sql_shape";
    }

    @Override
    public String target() {
        return "<= 0.625 (SQL path >= 1.6x the original shape)";
    }

    @Override
    public Measurement run(BenchContext ctx, Alternation alt) throws Exception {
        StoredModel stored = ctx.model();
        ModelMetadata m = stored.metadata();
        TreeEnsemble ensemble = TreeEnsemble.parse(stored.modelJson());
        OriginalShapeScorer original = new OriginalShapeScorer(ctx.warehouse(), ctx.clock());
        long customers = ctx.models().score(stored, ctx.modelConfig(), ctx.asOf(), "sql").customers();
        double[] t = alt.run(() -> ctx.models().score(stored, ctx.modelConfig(), ctx.asOf(), "sql"), () -> {
            FeatureSet features = ctx.models().scoringFeatures(stored, ctx.modelConfig(), ctx.asOf());
            original.score(m.id(), m.name(), ensemble, features, ctx.asOf());
        });
        return new Measurement(name(), t[0], t[1], customers, target());
    }
}
