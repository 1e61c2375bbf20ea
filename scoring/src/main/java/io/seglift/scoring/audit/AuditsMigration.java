package io.seglift.scoring.audit;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** Creates {@code audits}: one row per readiness audit, kept as history. */
public final class AuditsMigration implements Migration {
    @Override
    public String id() {
        return "0100-scoring-audits";
    }

    @Override
    public String description() {
        return "scoring: audits (data readiness history)";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        return List.of("CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.AUDITS)) + " ("
                + "run_id " + d.type(ColumnType.TEXT) + " NOT NULL, "
                + "as_of " + d.type(ColumnType.DATE) + " NOT NULL, "
                + "run_at " + d.type(ColumnType.TIMESTAMP) + " NOT NULL, "
                + "customers " + d.type(ColumnType.BIGINT) + ", "
                + "qualified_customers " + d.type(ColumnType.BIGINT) + ", "
                + "history_months " + d.type(ColumnType.INTEGER) + ", "
                + "recommendation " + d.type(ColumnType.TEXT) + " NOT NULL, "
                + "allows_models " + d.type(ColumnType.BOOLEAN) + " NOT NULL, "
                + "report " + d.type(ColumnType.JSON) + " NOT NULL, "
                + d.primaryKey("run_id") + ")");
    }
}
