package io.seglift.sync.state;

import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.destination.UploadStats;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Instant;
import java.util.List;

/**
 * Commits one batch's outcomes in one warehouse transaction: a {@code sync_results} row per member, {@code sync_state}
 * upserted for accepted adds and updates (and for adds rejected for good, marked {@code rejected} so they are not sent
 * again), deleted for accepted removes, and the run's counters advanced. Rows left for retry change no state, so the
 * next run sends them again. A rejected update changes no state either: the member is still in the audience with its
 * old values, so it keeps its old fingerprint (never marked synced with values the destination refused) and the next
 * run tries the update again. Either all of this is committed or none of it.
 */
public final class BatchCommitter {
    private static final List<String> BATCH_COLUMNS = List.of("run_id", "customer_key", "operation", "status", "code",
            "message", "destination_id", "fingerprint");

    private final Warehouse warehouse;
    private final SyncTables t;

    public BatchCommitter(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.t = new SyncTables(warehouse);
    }

    /** Counts of one committed batch. */
    public record Counts(long sent, long added, long removed, long updated, long rejected, long retried) {
    }

    public Counts commit(String syncName, String runId, List<Outcome> outcomes, Instant now) {
        return commit(syncName, runId, outcomes, null, now);
    }

    /**
     * As {@link #commit(String, String, List, Instant)}, also adding the destination's upload counts ({@code upload},
     * null when it reports none) to the run's, in the same transaction.
     */
    public Counts commit(String syncName, String runId, List<Outcome> outcomes, UploadStats upload, Instant now) {
        Counts c = count(outcomes);
        boolean keepsState = outcomes.stream().anyMatch(BatchCommitter::keepsState);
        boolean removes = outcomes.stream().anyMatch(o -> o.operation() == Operation.REMOVE && o.status() == RowStatus.OK);
        Dialect d = warehouse.dialect();
        warehouse.inTransaction(w -> {
            stage(w, runId, outcomes);
            String batch = t.q(SyncTables.BATCH);
            w.execute("INSERT INTO " + t.q(SyncTables.RESULTS) + " (run_id, customer_key, operation, status, code, message, recorded_at)"
                    + " SELECT run_id, customer_key, operation, status, code, message, ? FROM " + batch + " WHERE run_id = ?", now, runId);
            if (keepsState) {
                for (String sql : d.upsert(t.name(SyncTables.STATE), List.of("sync_name", "customer_key"),
                        List.of("destination_id", "fingerprint", "status", "synced_at", "run_id"),
                        "SELECT CAST(? AS " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT) + "), customer_key, destination_id,"
                                + " fingerprint, CASE WHEN status = 'ok' THEN 'synced' ELSE 'rejected' END,"
                                + " CAST(? AS " + d.type(io.seglift.spi.warehouse.ColumnType.TIMESTAMP) + "), run_id FROM " + batch
                                + " WHERE run_id = ? AND (status = 'ok' AND operation IN ('add', 'update')"
                                + " OR status = 'rejected' AND operation = 'add')")) {
                    w.execute(sql, syncName, now, runId);
                }
            }
            if (removes) {
                w.execute("DELETE FROM " + t.q(SyncTables.STATE) + " WHERE sync_name = ? AND customer_key IN (SELECT customer_key FROM "
                        + batch + " WHERE run_id = ? AND operation = 'remove' AND status = 'ok')", syncName, runId);
            }
            String counters = "UPDATE " + t.q(SyncTables.RUNS) + " SET sent = sent + ?, added = added + ?, removed = removed + ?,"
                    + " updated = updated + ?, rejected = rejected + ?, retried = retried + ?";
            if (upload == null) {
                w.execute(counters + " WHERE run_id = ?", c.sent(), c.added(), c.removed(), c.updated(), c.rejected(),
                        c.retried(), runId);
            } else {
                w.execute(counters + ", upload_received = COALESCE(upload_received, 0) + ?,"
                                + " upload_invalid = COALESCE(upload_invalid, 0) + ? WHERE run_id = ?", c.sent(), c.added(),
                        c.removed(), c.updated(), c.rejected(), c.retried(), upload.received(), upload.invalid(), runId);
            }
            w.execute("DELETE FROM " + batch + " WHERE run_id = ?", runId);
        });
        return c;
    }

    /** Whether an outcome is recorded in {@code sync_state}: an accepted add or update, or an add rejected for good. */
    private static boolean keepsState(Outcome o) {
        return o.status() == RowStatus.OK && o.operation() != Operation.REMOVE
                || o.status() == RowStatus.REJECTED && o.operation() == Operation.ADD;
    }

    /** Writes the outcomes to the batch table through the bulk writer. */
    private void stage(Warehouse w, String runId, List<Outcome> outcomes) {
        try (BulkWriter bw = w.bulkWriter(t.name(SyncTables.BATCH), BATCH_COLUMNS)) {
            for (Outcome o : outcomes) bw.row(values(runId, o));
        }
    }

    private static Object[] values(String runId, Outcome o) {
        return new Object[]{runId, o.customerKey(), op(o.operation()), status(o.status()), o.code(), o.message(),
                o.destinationId(), o.fingerprint()};
    }

    private static Counts count(List<Outcome> outcomes) {
        long added = 0, removed = 0, updated = 0, rejected = 0, retried = 0;
        for (Outcome o : outcomes) {
            switch (o.status()) {
                case OK -> {
                    if (o.operation() == Operation.ADD) added++;
                    else if (o.operation() == Operation.REMOVE) removed++;
                    else updated++;
                }
                case REJECTED -> rejected++;
                case RETRY -> retried++;
            }
        }
        return new Counts(outcomes.size(), added, removed, updated, rejected, retried);
    }

    public static String op(Operation o) {
        return o.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String status(RowStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }
}
