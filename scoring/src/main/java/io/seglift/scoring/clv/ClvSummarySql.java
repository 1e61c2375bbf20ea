package io.seglift.scoring.clv;

import io.seglift.config.OrdersSource;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.Dialect;

import java.time.LocalDate;

/**
 * The per-customer summaries BG/NBD and Gamma-Gamma need, computed in the warehouse from {@link PurchaseFacts}'
 * purchases. Purchases on the same day are merged into one (the models count purchase days). For a period ending on
 * {@code end} (inclusive), one row per customer with a purchase on or before it:
 * <ul>
 *   <li>{@code x}: repeat purchase days (purchase days after the first);</li>
 *   <li>{@code t_x}: weeks (days / 7) from the first to the last purchase day;</li>
 *   <li>{@code age}: weeks from the first purchase day to {@code end} (the models' {@code T});</li>
 *   <li>{@code m}: the average value of the repeat purchase days (the first day's value left out), NULL when
 *       {@code x = 0};</li>
 *   <li>{@code holdout}: purchase days after {@code end} and before {@code holdoutBefore} (0 without a holdout).</li>
 * </ul>
 * Cancellations never count as purchases and do not reduce {@code m}.
 */
public final class ClvSummarySql {
    private final PurchaseFacts facts;
    private final Dialect d;

    public ClvSummarySql(OrdersSource orders, Dialect dialect) {
        this.facts = new PurchaseFacts(orders, dialect);
        this.d = dialect;
    }

    /** Days with purchases before {@code before}: {@code customer_key, purchase_date, value, first_day}. */
    private String days(String before) {
        return "SELECT customer_key, purchase_date, SUM(value) AS value, MIN(purchase_date) OVER (PARTITION BY"
                + " customer_key) AS first_day FROM (" + facts.purchases(before) + ") p GROUP BY customer_key, purchase_date";
    }

    private String weeks(String from, String to) {
        return "(" + d.castDouble(d.daysBetween(from, to)) + " / 7.0)";
    }

    /**
     * The summaries for the period ending on {@code end}, with holdout purchase days before {@code holdoutBefore}
     * (equal to {@code end + 1} for none), ordered by customer key.
     */
    public String select(LocalDate end, LocalDate holdoutBefore) {
        String before = d.dateLiteral(end.plusDays(1));
        String endSql = d.dateLiteral(end);
        String summary = "SELECT customer_key, COUNT(*) - 1 AS x, " + weeks("MIN(purchase_date)", "MAX(purchase_date)")
                + " AS t_x, " + weeks("MIN(purchase_date)", endSql) + " AS age, CASE WHEN COUNT(*) > 1 THEN (SUM(value) - "
                + "SUM(CASE WHEN purchase_date = first_day THEN value ELSE 0 END)) / (COUNT(*) - 1) END AS m FROM ("
                + days(before) + ") dd GROUP BY customer_key";
        String holdout = "SELECT customer_key, COUNT(DISTINCT purchase_date) AS holdout FROM ("
                + facts.purchases(d.dateLiteral(holdoutBefore)) + ") h WHERE purchase_date >= " + before
                + " GROUP BY customer_key";
        return "SELECT s.customer_key, s.x, s.t_x, s.age, s.m, COALESCE(h.holdout, 0) AS holdout FROM (" + summary
                + ") s LEFT JOIN (" + holdout + ") h ON h.customer_key = s.customer_key ORDER BY s.customer_key";
    }

    /** Customers, repeat buyers, and the first and last purchase day before {@code end + 1}, in one row. */
    public String counts(LocalDate end) {
        return "SELECT COUNT(*) AS customers, SUM(CASE WHEN x > 0 THEN 1 ELSE 0 END) AS repeat_buyers,"
                + " MIN(first_day) AS first_day, MAX(last_day) AS last_day FROM (SELECT customer_key, COUNT(*) - 1 AS x,"
                + " MIN(purchase_date) AS first_day, MAX(purchase_date) AS last_day FROM (" + days(d.dateLiteral(end.plusDays(1)))
                + ") dd GROUP BY customer_key) s";
    }
}
