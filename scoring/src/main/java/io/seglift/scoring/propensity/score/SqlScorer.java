package io.seglift.scoring.propensity.score;

import io.seglift.config.SegliftTables;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Scores inside the warehouse with the model compiled to SQL ({@link SqlScorePlan}); no row leaves the engine. A
 * model too large for one statement of the engine goes through a work table of partial sums, dropped afterwards.
 */
public final class SqlScorer {
    /** The work table of partial margins, in Seglift's schema, when a model must be split. */
    public static final String WORK_TABLE = "model_score_parts";
    private final Warehouse w;
    private final Clock clock;

    public SqlScorer(Warehouse warehouse, Clock clock) {
        this.w = warehouse;
        this.clock = clock;
    }

    public ScoreRun score(String modelId, String modelName, TreeEnsemble model, FeatureSet features, LocalDate asOf) {
        long start = clock.millis();
        Dialect d = w.dialect();
        TableName work = w.own(WORK_TABLE);
        SqlScorePlan plan = SqlScorePlan.of(d, model, features, work);
        try {
            for (var statements : plan.parts()) {
                w.inTransaction(tx -> statements.forEach(tx::execute));
            }
            long n = new ScoreTable(w).replace(modelId, modelName, asOf, plan.scores());
            return new ScoreRun(modelId, modelName, asOf, n, "sql", clock.millis() - start);
        } finally {
            if (plan.split()) {
                w.execute("DROP TABLE IF EXISTS " + d.table(work));
            }
        }
    }
}
