package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Scores inside the warehouse: one {@code INSERT ... SELECT} with the compiled model; no row leaves the engine. */
public final class SqlScorer {
    private final Warehouse w;
    private final Clock clock;

    public SqlScorer(Warehouse warehouse, Clock clock) {
        this.w = warehouse;
        this.clock = clock;
    }

    /** {@code SELECT customer_key, score} for the features, with the model compiled to SQL. */
    public static String scoreSelect(Dialect d, TreeEnsemble model, FeatureSet features) {
        List<String> names = features.names();
        List<String> refs = java.util.stream.IntStream.range(0, names.size()).mapToObj(i -> "f.x" + i).toList();
        String renamed = java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> ", " + d.quote(names.get(i)) + " AS x" + i).collect(java.util.stream.Collectors.joining());
        return "SELECT customer_key, " + new TreeSqlCompiler(d).probability(model, refs) + " AS score FROM ("
                + "SELECT customer_key" + renamed + " FROM (" + features.select(d) + ") n) f";
    }

    public ScoreRun score(String modelId, String modelName, TreeEnsemble model, FeatureSet features, LocalDate asOf) {
        long start = clock.millis();
        long n = new ScoreTable(w).replace(modelId, modelName, asOf, scoreSelect(w.dialect(), model, features));
        return new ScoreRun(modelId, modelName, asOf, n, "sql", clock.millis() - start);
    }
}
