package io.seglift.sync.state;

import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;
import io.seglift.sync.runs.RunStatus;

import java.util.List;

/**
 * {@code 0302-sync-match-rates}: what the destination reported about a run's uploads ({@code sync_runs.upload_received},
 * {@code upload_invalid}; null when it reports nothing) and the audience's approximate size after the run
 * ({@code audience_size_lower}, {@code audience_size_upper}), and two views for BI tools: {@code sync_daily} (per day
 * and sync: runs, troubled runs as {@code SyncHistory.troubled} counts them, sent, rejected, uploads and match rate) and {@code sync_daily_rejections} (per day, sync and reason).
 * See docs/warehouse-tables.md.
 */
public final class MatchRateMigration implements Migration {
    /** The view of runs per day and sync. */
    public static final String DAILY = "sync_daily";
    /** The view of rejected members per day, sync and reason. */
    public static final String DAILY_REJECTIONS = "sync_daily_rejections";

    @Override
    public String id() {
        return "0302-sync-match-rates";
    }

    @Override
    public String description() {
        return "sync: sync_runs upload counts and audience size; views sync_daily and sync_daily_rejections";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String runs = d.table(TableName.of(schema, SyncTables.RUNS));
        String results = d.table(TableName.of(schema, SyncTables.RESULTS));
        String big = d.type(ColumnType.BIGINT);
        String received = "SUM(r.upload_received)";
        String invalid = "SUM(r.upload_invalid)";
        return List.of(
                "ALTER TABLE " + runs + " ADD COLUMN upload_received " + big,
                "ALTER TABLE " + runs + " ADD COLUMN upload_invalid " + big,
                "ALTER TABLE " + runs + " ADD COLUMN audience_size_lower " + big,
                "ALTER TABLE " + runs + " ADD COLUMN audience_size_upper " + big,
                "CREATE VIEW " + d.table(TableName.of(schema, DAILY)) + " AS SELECT " + d.castDate("r.started_at")
                        + " AS day, r.sync_name, MIN(r.segment) AS segment, MIN(r.destination) AS destination, "
                        + d.castBigint("COUNT(*)") + " AS runs, "
                        + d.castBigint("SUM(CASE WHEN r.status IN (" + d.literal(RunStatus.FAILED.code()) + ", "
                                + d.literal(RunStatus.STOPPED.code()) + ", " + d.literal(RunStatus.ABANDONED.code())
                                + ") THEN 1 ELSE 0 END)")
                        + " AS troubled_runs, " + sum("sent") + ", " + sum("added") + ", " + sum("removed") + ", "
                        + sum("updated") + ", " + sum("rejected") + ", " + sum("retried") + ", "
                        + d.castBigint(received) + " AS upload_received, " + d.castBigint(invalid) + " AS upload_invalid, "
                        + "CASE WHEN " + received + " > 0 THEN " + d.castDouble(received + " - " + invalid) + " / "
                        + d.castDouble(received) + " END AS match_rate, "
                        + d.castBigint("MAX(r.audience_size_upper)") + " AS audience_size_upper"
                        + " FROM " + runs + " r GROUP BY " + d.castDate("r.started_at") + ", r.sync_name",
                "CREATE VIEW " + d.table(TableName.of(schema, DAILY_REJECTIONS)) + " AS SELECT "
                        + d.castDate("r.started_at") + " AS day, r.sync_name, res.operation, "
                        + "COALESCE(res.code, 'unknown') AS reason, " + d.castBigint("COUNT(*)") + " AS members"
                        + " FROM " + results + " res JOIN " + runs + " r ON r.run_id = res.run_id"
                        + " WHERE res.status = " + d.literal(BatchCommitter.status(RowStatus.REJECTED))
                        + " GROUP BY " + d.castDate("r.started_at") + ", r.sync_name, res.operation, COALESCE(res.code, 'unknown')");
    }

    private static String sum(String column) {
        return "SUM(COALESCE(r." + column + ", 0)) AS " + column;
    }
}
