package io.seglift.alerts;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** {@code 0500-alerts-tables}: {@code alert_deliveries} and {@code alert_state}. */
public final class AlertTablesMigration implements Migration {

    @Override
    public String id() {
        return "0500-alerts-tables";
    }

    @Override
    public String description() {
        return "alerts: alert_deliveries and alert_state";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String text = d.type(ColumnType.TEXT);
        String big = d.type(ColumnType.BIGINT);
        String ts = d.type(ColumnType.TIMESTAMP);
        return List.of(
                "CREATE TABLE " + d.table(TableName.of(schema, AlertTables.DELIVERIES)) + " (alert_id " + text
                        + " NOT NULL, kind " + text + " NOT NULL, sync_name " + text + ", segment " + text + ", run_id "
                        + text + ", attempts " + big + ", http_status " + big + ", status " + text + " NOT NULL, error "
                        + text + ", created_at " + ts + ", finished_at " + ts + ", " + d.primaryKey("alert_id") + ")",
                "CREATE TABLE " + d.table(TableName.of(schema, AlertTables.STATE)) + " (segment " + text
                        + " NOT NULL, kind " + text + " NOT NULL, seen_value " + text + ", updated_at " + ts + ", "
                        + d.primaryKey("segment", "kind") + ")");
    }
}
