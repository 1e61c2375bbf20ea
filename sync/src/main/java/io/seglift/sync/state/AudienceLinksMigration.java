package io.seglift.sync.state;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * {@code 0320-sync-audience-links}: {@code sync_audience_links}, the objects a destination derived from a sync's
 * audience (a Facebook lookalike), one row per sync and link, so they are found again rather than created twice.
 */
public final class AudienceLinksMigration implements Migration {

    @Override
    public String id() {
        return "0320-sync-audience-links";
    }

    @Override
    public String description() {
        return "sync: sync_audience_links (lookalikes and other objects derived from a sync's audience)";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String text = d.type(ColumnType.TEXT);
        return List.of("CREATE TABLE " + d.table(TableName.of(schema, SyncTables.LINKS)) + " (sync_name " + text
                + " NOT NULL, link " + text + " NOT NULL, destination " + text + ", audience_id " + text + ", value "
                + text + ", updated_at " + d.type(ColumnType.TIMESTAMP) + ", " + d.primaryKey("sync_name", "link") + ")");
    }
}
