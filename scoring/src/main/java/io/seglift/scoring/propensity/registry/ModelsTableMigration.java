package io.seglift.scoring.propensity.registry;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** Creates {@code models}, the registry index (one row per trained model). */
public final class ModelsTableMigration implements Migration {
    @Override
    public String id() {
        return "0200-propensity-models";
    }

    @Override
    public String description() {
        return "propensity model registry index";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String text = d.type(ColumnType.TEXT);
        return List.of("CREATE TABLE IF NOT EXISTS " + d.table(TableName.of(schema, SegliftTables.MODELS)) + " ("
                + "model_id " + text + " NOT NULL, name " + text + " NOT NULL, kind " + text + " NOT NULL, "
                + "target " + d.type(ColumnType.JSON) + ", features " + d.type(ColumnType.JSON) + ", params "
                + d.type(ColumnType.JSON) + ", metrics " + d.type(ColumnType.JSON) + ", "
                + "training_cutoff " + d.type(ColumnType.DATE) + ", validation_cutoff " + d.type(ColumnType.DATE) + ", "
                + "as_of " + d.type(ColumnType.DATE) + ", train_rows " + d.type(ColumnType.BIGINT) + ", "
                + "auc_roc " + d.type(ColumnType.DOUBLE) + ", fingerprint " + text + ", path " + text + ", "
                + "trained_at " + d.type(ColumnType.TIMESTAMP) + ", " + d.primaryKey("model_id") + ")");
    }
}
