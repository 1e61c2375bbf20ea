package io.seglift.bench;

import io.seglift.spi.warehouse.Warehouse;

/**
 * Fills {@code sync_state} of the bench's mirror sync as a destination holding the segment's eligible members (treatment
 * arm, email consent, an email) with 1% churn: 99.5% of them as synced, plus 0.5% keys that are no longer members.
 */
final class SyncStateWithChurn {
    private final BenchContext ctx;
    private final Warehouse w;

    SyncStateWithChurn(BenchContext ctx) {
        this.ctx = ctx;
        this.w = ctx.warehouse();
    }

    private String eligible() {
        return "SELECT m.customer_key FROM seglift.segment_members m JOIN raw.customers c"
                + " ON CAST(c.customer_id AS VARCHAR) = m.customer_key WHERE m.segment = '" + BenchContext.SEGMENT
                + "' AND m.as_of = DATE '" + ctx.asOf() + "' AND m.arm = 'treatment' AND c.email_opt_in"
                + " AND c.email IS NOT NULL AND c.email <> ''";
    }

    void fill() {
        String sync = "'" + BenchContext.SYNC + "'";
        w.execute("DELETE FROM seglift.sync_state WHERE sync_name = " + sync);
        w.execute("INSERT INTO seglift.sync_state (sync_name, customer_key, status, synced_at, run_id) SELECT " + sync
                + ", customer_key, 'synced', TIMESTAMP '" + ctx.asOf() + "', 'bench' FROM (" + eligible() + ") e"
                + " WHERE hash(customer_key) % 200 <> 0");
        w.execute("INSERT INTO seglift.sync_state (sync_name, customer_key, status, synced_at, run_id) SELECT " + sync
                + ", 'gone-' || i, 'synced', TIMESTAMP '" + ctx.asOf() + "', 'bench' FROM range(0, (SELECT COUNT(*) // 200"
                + " FROM seglift.sync_state WHERE sync_name = " + sync + ")) t(i)");
    }
}
