package io.seglift.sync.state;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * {@code 0301-sync-audience-tracking}: when each sync's stored audience id was last confirmed ({@code
 * sync_audiences.updated_at}), and the warnings of a run ({@code sync_runs.warnings}), such as an audience found
 * deleted and recreated.
 */
public final class AudienceTrackingMigration implements Migration {

    @Override
    public String id() {
        return "0301-sync-audience-tracking";
    }

    @Override
    public String description() {
        return "sync: sync_audiences.updated_at and sync_runs.warnings";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        return List.of(
                "ALTER TABLE " + d.table(TableName.of(schema, SyncTables.AUDIENCES)) + " ADD COLUMN updated_at "
                        + d.type(ColumnType.TIMESTAMP),
                "ALTER TABLE " + d.table(TableName.of(schema, SyncTables.RUNS)) + " ADD COLUMN warnings "
                        + d.type(ColumnType.TEXT));
    }
}
