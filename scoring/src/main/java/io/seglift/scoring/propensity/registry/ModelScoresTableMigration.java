package io.seglift.scoring.propensity.registry;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** Creates {@code model_scores}: one score and decile per model, as-of date and customer. */
public final class ModelScoresTableMigration implements Migration {
    @Override
    public String id() {
        return "0201-propensity-model-scores";
    }

    @Override
    public String description() {
        return "propensity model scores with deciles";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String text = d.type(ColumnType.TEXT);
        return List.of("CREATE TABLE IF NOT EXISTS " + d.table(TableName.of(schema, SegliftTables.MODEL_SCORES)) + " ("
                + "model_id " + text + " NOT NULL, model_name " + text + " NOT NULL, as_of " + d.type(ColumnType.DATE)
                + " NOT NULL, customer_key " + text + " NOT NULL, score " + d.type(ColumnType.DOUBLE) + ", decile "
                + d.type(ColumnType.INTEGER) + ", " + d.primaryKey("model_id", "as_of", "customer_key") + ")");
    }
}
