package io.seglift.bench;

import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;

/**
 * The hand-written RFM of the bench's tables: one {@code CREATE TABLE AS} with {@code COUNT(DISTINCT order_id)} and
 * {@code NTILE(5)} per dimension, as in issue 14's table.
 */
final class RfmBaseline {
    static final String TABLE = "seglift.bench_rfm_baseline";

    private RfmBaseline() {
    }

    static void score(Warehouse w, LocalDate asOf) {
        w.execute("CREATE OR REPLACE TABLE " + TABLE + " AS WITH c AS (SELECT customer_id,"
                + " DATE '" + asOf + "' - MAX(CAST(ordered_at AS DATE)) AS recency_days,"
                + " COUNT(DISTINCT order_id) AS frequency, SUM(total) AS monetary FROM raw.orders"
                + " WHERE ordered_at < TIMESTAMP '" + asOf + "' GROUP BY customer_id)"
                + " SELECT c.*, NTILE(5) OVER (ORDER BY recency_days DESC) AS r_score,"
                + " NTILE(5) OVER (ORDER BY frequency) AS f_score, NTILE(5) OVER (ORDER BY monetary) AS m_score FROM c");
    }
}
