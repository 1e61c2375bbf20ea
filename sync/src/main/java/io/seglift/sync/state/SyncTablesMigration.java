package io.seglift.sync.state;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** {@code 0300-sync-tables}: state, run history, per-member results, audiences and the engine's work tables. */
public final class SyncTablesMigration implements Migration {

    @Override
    public String id() {
        return "0300-sync-tables";
    }

    @Override
    public String description() {
        return "sync: sync_state, sync_runs, sync_results, sync_audiences and work tables";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        String text = d.type(ColumnType.TEXT);
        String big = d.type(ColumnType.BIGINT);
        String ts = d.type(ColumnType.TIMESTAMP);
        String date = d.type(ColumnType.DATE);
        StringBuilder counters = new StringBuilder();
        for (String c : List.of("planned", "sent", "added", "removed", "updated", "rejected", "retried", "held_out",
                "suppressed", "no_consent", "no_identifier", "call_retries")) {
            counters.append(", ").append(c).append(' ').append(big).append(" DEFAULT 0");
        }
        return List.of(
                "CREATE TABLE " + t(d, schema, SyncTables.STATE) + " (sync_name " + text + " NOT NULL, customer_key " + text
                        + " NOT NULL, destination_id " + text + ", fingerprint " + text + ", status " + text + " NOT NULL, synced_at "
                        + ts + ", run_id " + text + ", " + d.primaryKey("sync_name", "customer_key") + ")",
                "CREATE TABLE " + t(d, schema, SyncTables.RUNS) + " (run_id " + text + " NOT NULL, sync_name " + text
                        + " NOT NULL, segment " + text + ", destination " + text + ", mode " + text + ", segment_as_of " + date
                        + ", audience_id " + text + ", started_at " + ts + ", finished_at " + ts + ", status " + text
                        + ", error " + text + counters + ", " + d.primaryKey("run_id") + ")",
                "CREATE TABLE " + t(d, schema, SyncTables.RESULTS) + " (run_id " + text + " NOT NULL, customer_key " + text
                        + " NOT NULL, operation " + text + " NOT NULL, status " + text + " NOT NULL, code " + text + ", message "
                        + text + ", recorded_at " + ts + ", " + d.primaryKey("run_id", "customer_key", "operation") + ")",
                "CREATE TABLE " + t(d, schema, SyncTables.AUDIENCES) + " (sync_name " + text + " NOT NULL, destination "
                        + text + ", audience_id " + text + ", audience_name " + text + ", created_at " + ts + ", "
                        + d.primaryKey("sync_name") + ")",
                "CREATE TABLE " + t(d, schema, SyncTables.WORK) + " (run_id " + text + " NOT NULL, customer_key " + text
                        + " NOT NULL, reason " + text + ", fingerprint " + text + ")",
                "CREATE TABLE " + t(d, schema, SyncTables.PENDING) + " (run_id " + text + " NOT NULL, seq " + big
                        + " NOT NULL, operation " + text + " NOT NULL, customer_key " + text + " NOT NULL, fingerprint " + text
                        + ", destination_id " + text + ")",
                "CREATE TABLE " + t(d, schema, SyncTables.BATCH) + " (run_id " + text + " NOT NULL, customer_key " + text
                        + " NOT NULL, operation " + text + " NOT NULL, status " + text + " NOT NULL, code " + text + ", message "
                        + text + ", destination_id " + text + ", fingerprint " + text + ")");
    }

    private static String t(Dialect d, String schema, String table) {
        return d.table(TableName.of(schema, table));
    }
}
