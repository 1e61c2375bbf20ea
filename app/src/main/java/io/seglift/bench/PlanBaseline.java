package io.seglift.bench;

import io.seglift.spi.warehouse.Warehouse;

/**
 * The hand-written plan of the bench's mirror sync: the segment's treatment members with email consent and an email,
 * diffed both ways against sync_state. Also fills sync_state as a destination holding those members with 1% churn.
 */
final class PlanBaseline {
    private final BenchContext ctx;
    private final Warehouse w;
    private String lastCounts = "";

    PlanBaseline(BenchContext ctx) {
        this.ctx = ctx;
        this.w = ctx.warehouse();
    }

    private String eligible() {
        return "SELECT m.customer_key FROM seglift.segment_members m JOIN raw.customers c"
                + " ON CAST(c.customer_id AS VARCHAR) = m.customer_key WHERE m.segment = '" + BenchContext.SEGMENT
                + "' AND m.as_of = DATE '" + ctx.asOf() + "' AND m.arm = 'treatment' AND c.email_opt_in"
                + " AND c.email IS NOT NULL AND c.email <> ''";
    }

    /** 99.5% of the eligible members as synced, plus 0.5% keys that are no longer members. */
    void fillStateWithChurn() {
        String sync = "'" + BenchContext.SYNC + "'";
        w.execute("DELETE FROM seglift.sync_state WHERE sync_name = " + sync);
        w.execute("INSERT INTO seglift.sync_state (sync_name, customer_key, status, synced_at, run_id) SELECT " + sync
                + ", customer_key, 'synced', TIMESTAMP '" + ctx.asOf() + "', 'bench' FROM (" + eligible() + ") e"
                + " WHERE hash(customer_key) % 200 <> 0");
        w.execute("INSERT INTO seglift.sync_state (sync_name, customer_key, status, synced_at, run_id) SELECT " + sync
                + ", 'gone-' || i, 'synced', TIMESTAMP '" + ctx.asOf() + "', 'bench' FROM range(0, (SELECT COUNT(*) // 200"
                + " FROM seglift.sync_state WHERE sync_name = " + sync + ")) t(i)");
    }

    /** Adds, removes and unchanged members, as the plan counts them. */
    void diff() {
        String state = "SELECT customer_key FROM seglift.sync_state WHERE sync_name = '" + BenchContext.SYNC
                + "' AND status = 'synced'";
        w.execute("CREATE OR REPLACE TEMP TABLE bench_plan_eligible AS " + eligible());
        String cte = "WITH e AS (SELECT customer_key FROM bench_plan_eligible), s AS (" + state + ") ";
        long adds = w.queryLong(cte + "SELECT COUNT(*) FROM e ANTI JOIN s USING (customer_key)");
        long removes = w.queryLong(cte + "SELECT COUNT(*) FROM s ANTI JOIN e USING (customer_key)");
        long eligible = w.queryLong("SELECT COUNT(*) FROM bench_plan_eligible");
        lastCounts = adds + " adds, " + removes + " removes of " + eligible;
    }

    String lastCounts() {
        return lastCounts;
    }
}
