package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.Tree;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A baseline, never used to score for real: the SQL shape the SQL path had before issue 14, kept so that
 * {@code seglift bench} ({@code score_sql_shape}) and {@code SqlScoringBench} can time the current shape
 * ({@link SqlScorePlan}) against it in the same run. One expression, {@code x IS NULL OR x < m} for nodes whose missing
 * values go left, trees added in one left-deep chain; it writes {@code model_scores} exactly as {@link SqlScorer}
 * does, so the two differ only in the shape of the scoring select.
 */
public final class OriginalShapeScorer {
    private final Warehouse w;
    private final Clock clock;

    public OriginalShapeScorer(Warehouse warehouse, Clock clock) {
        this.w = warehouse;
        this.clock = clock;
    }

    /** Scores as {@link SqlScorer#score} does, with the original shape. */
    public ScoreRun score(String modelId, String modelName, TreeEnsemble model, FeatureSet features, LocalDate asOf) {
        long start = clock.millis();
        long n = new ScoreTable(w).replace(modelId, modelName, asOf, scores(w.dialect(), model, features));
        return new ScoreRun(modelId, modelName, asOf, n, "sql-original", clock.millis() - start);
    }

    /** {@code SELECT customer_key, score} in the original shape, over the same renamed features as the current plan. */
    public static String scores(Dialect d, TreeEnsemble model, FeatureSet features) {
        List<String> names = features.names();
        List<String> refs = IntStream.range(0, names.size()).mapToObj(i -> "f.x" + i).toList();
        String renamed = IntStream.range(0, names.size())
                .mapToObj(i -> ", " + d.quote(names.get(i)) + " AS x" + i).collect(Collectors.joining());
        return "SELECT customer_key, " + probability(d, model, refs) + " AS score FROM (SELECT customer_key" + renamed
                + " FROM (" + features.select(d) + ") n) f";
    }

    /** The original probability expression, reading feature {@code i} from {@code refs.get(i)}. */
    public static String probability(Dialect d, TreeEnsemble model, List<String> refs) {
        StringBuilder sql = new StringBuilder("(").append(number(model.baseMargin()));
        for (Tree t : model.trees()) {
            sql.append(" + ");
            node(t, 0, refs, sql);
        }
        return d.logistic(sql.append(")").toString());
    }

    private static void node(Tree t, int n, List<String> refs, StringBuilder sql) {
        if (t.isLeaf(n)) {
            String s = Float.toString(t.condition()[n]);
            sql.append(s.contains("E") ? s : s + "E0");
            return;
        }
        String x = refs.get(t.feature()[n]);
        float c = t.condition()[n];
        sql.append("CASE WHEN ");
        if (t.defaultLeft()[n]) {
            sql.append(x).append(" IS NULL OR ");
        }
        double mid = (Math.nextDown(c) + (double) c) / 2;
        sql.append(x).append((Float.floatToRawIntBits(c) & 1) == 0 ? " < " : " <= ").append(number(mid)).append(" THEN ");
        node(t, t.left()[n], refs, sql);
        sql.append(" ELSE ");
        node(t, t.right()[n], refs, sql);
        sql.append(" END");
    }

    private static String number(double v) {
        String s = Double.toString(v);
        return "(" + (s.contains("E") ? s : s + "E0") + ")";
    }
}
