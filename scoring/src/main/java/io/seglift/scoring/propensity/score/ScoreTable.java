package io.seglift.scoring.propensity.score;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;

/** {@code model_scores}: clearing one (model, as-of) and assigning deciles (NTILE(10) by score, 10 = highest). */
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

    void clear(String modelId, LocalDate asOf) {
        w.execute("DELETE FROM " + d.table(table()) + " WHERE model_id = " + d.literal(modelId) + " AND as_of = "
                + d.dateLiteral(asOf));
    }

    static String decile() {
        return "NTILE(10) OVER (ORDER BY score, customer_key)";
    }

    void assignDeciles(String modelId, LocalDate asOf) {
        String t = d.table(table());
        String where = "model_id = " + d.literal(modelId) + " AND as_of = " + d.dateLiteral(asOf);
        w.execute("UPDATE " + t + " SET decile = x.dec FROM (SELECT customer_key AS k, " + decile() + " AS dec FROM "
                + t + " WHERE " + where + ") x WHERE " + d.quote(table().table()) + ".customer_key = x.k AND "
                + d.quote(table().table()) + "." + where);
    }
}
