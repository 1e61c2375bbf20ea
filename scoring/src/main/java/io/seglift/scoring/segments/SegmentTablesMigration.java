package io.seglift.scoring.segments;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** Creates {@code segment_builds}, {@code segment_members} and {@code holdout_assignments}. */
public final class SegmentTablesMigration implements Migration {
    @Override
    public String id() {
        return "0120-scoring-segments";
    }

    @Override
    public String description() {
        return "scoring: segment_builds, segment_members, holdout_assignments";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String text = d.type(ColumnType.TEXT);
        String bigint = d.type(ColumnType.BIGINT);
        String date = d.type(ColumnType.DATE);
        return List.of(
                "CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.SEGMENT_BUILDS)) + " ("
                        + "build_id " + text + " NOT NULL, "
                        + "segment " + text + " NOT NULL, "
                        + "as_of " + date + " NOT NULL, "
                        + "built_at " + d.type(ColumnType.TIMESTAMP) + " NOT NULL, "
                        + "rule " + text + " NOT NULL, "
                        + "salt " + text + " NOT NULL, "
                        + "holdout_fraction " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                        + "members " + bigint + " NOT NULL, "
                        + "holdout " + bigint + " NOT NULL, "
                        + "previous_build_id " + text + ", "
                        + "entered " + bigint + " NOT NULL, "
                        + "exited " + bigint + " NOT NULL, "
                        + "stayed " + bigint + " NOT NULL, "
                        + "change_ratio " + d.type(ColumnType.DOUBLE) + ", "
                        + "flagged " + d.type(ColumnType.BOOLEAN) + " NOT NULL, "
                        + d.primaryKey("build_id") + ")",
                "CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.SEGMENT_MEMBERS)) + " ("
                        + "as_of " + date + " NOT NULL, "
                        + "segment " + text + " NOT NULL, "
                        + "customer_key " + text + " NOT NULL, "
                        + "arm " + text + " NOT NULL, "
                        + "build_id " + text + " NOT NULL, "
                        + d.primaryKey("as_of", "segment", "customer_key") + ")",
                "CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.HOLDOUT_ASSIGNMENTS)) + " ("
                        + "segment " + text + " NOT NULL, "
                        + "customer_key " + text + " NOT NULL, "
                        + "arm " + text + " NOT NULL, "
                        + "bucket " + d.type(ColumnType.INTEGER) + " NOT NULL, "
                        + "first_assigned " + date + " NOT NULL, "
                        + d.primaryKey("segment", "customer_key") + ")");
    }
}
