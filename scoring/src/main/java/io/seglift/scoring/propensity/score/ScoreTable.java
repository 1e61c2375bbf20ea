package io.seglift.scoring.propensity.score;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;

/**
 * {@code model_scores}: replacing one (model, as-of) as a whole. The table has no key index (see
 * {@code ModelScoresUnindexedMigration}); one key per (model, as-of, customer) is kept here instead: the old rows are
 * deleted and the new ones inserted by one statement in one transaction, which is rolled back if a customer key
 * repeats.
 */
final class ScoreTable {
    private final Warehouse w;
    private final Dialect d;

    ScoreTable(Warehouse warehouse) {
        this.w = warehouse;
        this.d = warehouse.dialect();
    }

    TableName table() {
        return w.own(SegliftTables.MODEL_SCORES);
    }

    static String decile() {
        return "NTILE(10) OVER (ORDER BY score, customer_key)";
    }

    /**
     * Replaces the scores of {@code modelId} as of {@code asOf} with the rows of {@code scores} (a query with
     * {@code customer_key} and {@code score}), deciles assigned by NTILE(10) by score (10 = highest); returns the rows
     * written.
     */
    long replace(String modelId, String modelName, LocalDate asOf, String scores) {
        String where = "model_id = " + d.literal(modelId) + " AND as_of = " + d.dateLiteral(asOf);
        String t = d.table(table());
        return w.transaction(tx -> {
            tx.execute("DELETE FROM " + t + " WHERE " + where);
            long n = tx.execute("INSERT INTO " + t + " (model_id, model_name, as_of, customer_key, score, decile) SELECT "
                    + d.literal(modelId) + ", " + d.literal(modelName) + ", " + d.dateLiteral(asOf)
                    + ", customer_key, score, " + decile() + " FROM (" + scores + ") s");
            long repeated = tx.queryLong("SELECT COUNT(*) - COUNT(DISTINCT customer_key) FROM " + t + " WHERE " + where);
            if (repeated > 0) {
                throw new IllegalStateException("model " + modelId + ": the feature rows hold " + repeated
                        + " repeated customer keys; each customer must appear once (check the label table's key)");
            }
            return n;
        });
    }
}
