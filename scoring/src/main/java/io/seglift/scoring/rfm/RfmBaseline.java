package io.seglift.scoring.rfm;

import io.seglift.config.OrdersSource;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;

/**
 * The hand-written query the benchmark compares against: RFM as one {@code CREATE TABLE ... AS} over the orders table
 * the way an engineer would write it by hand — per customer the latest order date, {@code COUNT(DISTINCT order_id)}
 * and the summed amount of orders dated before the as-of date, each scored with {@code NTILE(bins)}. It has none of
 * {@link RfmScorer}'s rules (cleaning, cancellations, tie-safe ranks, the segment map). Needs {@code order_id} and
 * {@code amount}; written for DuckDB. The result table is {@value #RESULT} in Seglift's schema.
 */
public final class RfmBaseline {
    /** The table the baseline writes. */
    public static final String RESULT = "rfm_baseline";

    private RfmBaseline() {
    }

    /** Scores every customer with an order before {@code asOf} into {@value #RESULT}; returns the number of rows. */
    public static long score(Warehouse w, OrdersSource orders, LocalDate asOf, int bins) {
        Dialect d = w.dialect();
        String customer = d.quote(orders.customer());
        String day = d.castDate(d.quote(orders.at()));
        String orderId = d.quote(orders.orderId().orElseThrow(
                () -> new IllegalArgumentException("sources.orders.order_id is needed for the RFM baseline")));
        String amount = d.quote(orders.amount().orElseThrow(
                () -> new IllegalArgumentException("sources.orders.amount is needed for the RFM baseline")));
        String asOfSql = d.dateLiteral(asOf);
        TableName out = w.own(RESULT);
        w.execute("CREATE OR REPLACE TABLE " + d.table(out) + " AS SELECT customer_key, last_purchase, recency_days,"
                + " frequency, monetary, NTILE(" + bins + ") OVER (ORDER BY recency_days DESC) AS r_score, NTILE(" + bins
                + ") OVER (ORDER BY frequency) AS f_score, NTILE(" + bins + ") OVER (ORDER BY monetary) AS m_score FROM ("
                + "SELECT " + d.castText(customer) + " AS customer_key, MAX(" + day + ") AS last_purchase, "
                + d.daysBetween("MAX(" + day + ")", asOfSql) + " AS recency_days, COUNT(DISTINCT " + orderId
                + ") AS frequency, SUM(" + amount + ") AS monetary FROM " + d.table(orders.table()) + " WHERE " + customer
                + " IS NOT NULL AND " + day + " < " + asOfSql + " GROUP BY " + customer + ") s");
        return w.queryLong("SELECT COUNT(*) FROM " + d.table(out));
    }
}
