package io.seglift.scoring.segments;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * Recreates {@code segment_members} without its PRIMARY KEY, keeping the rows. The key (as_of, segment,
 * customer_key) holds by construction (SELECT DISTINCT; a segment's as-of date is replaced as a whole); maintaining
 * the index made writing large segments several times slower.
 */
public final class SegmentMembersUnindexedMigration implements Migration {
    @Override
    public String id() {
        return "0121-scoring-segment-members-unindexed";
    }

    @Override
    public String description() {
        return "scoring: segment_members without a primary-key index";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        if (!d.enforcesPrimaryKeys()) {
            return List.of(); // no index to drop; and BigQuery allows no DROP after the INSERT in one transaction
        }
        TableName old = TableName.of(schema, SegliftTables.SEGMENT_MEMBERS);
        TableName next = TableName.of(schema, "segment_members_next");
        String text = d.type(ColumnType.TEXT);
        return List.of("CREATE TABLE " + d.table(next) + " ("
                        + "as_of " + d.type(ColumnType.DATE) + " NOT NULL, "
                        + "segment " + text + " NOT NULL, "
                        + "customer_key " + text + " NOT NULL, "
                        + "arm " + text + " NOT NULL, "
                        + "build_id " + text + " NOT NULL)",
                "INSERT INTO " + d.table(next) + " (as_of, segment, customer_key, arm, build_id) SELECT as_of, segment,"
                        + " customer_key, arm, build_id FROM " + d.table(old),
                "DROP TABLE " + d.table(old),
                "ALTER TABLE " + d.table(next) + " RENAME TO " + d.quote(SegliftTables.SEGMENT_MEMBERS));
    }
}
