package io.seglift.scoring.rfm;

import io.seglift.config.SegliftTables;
import io.seglift.config.OrdersSource;
import io.seglift.config.RfmConfig;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores RFM in the warehouse and stores it in {@code rfm_scores}. Purchases are those of {@link PurchaseFacts} dated
 * strictly before the as-of date. A score is {@code 1 + floor(bins * (rank - 1) / n)} where {@code rank} is the SQL
 * {@code RANK()} of the value (ascending; recency descending so 5 is most recent): equal values always share a score,
 * and the score never depends on the customer key. Re-running an as-of date replaces only that date.
 */
public final class RfmScorer {
    private final Warehouse w;
    private final Dialect d;
    private final OrdersSource orders;
    private final RfmConfig config;
    private final Clock clock;

    public RfmScorer(Warehouse warehouse, OrdersSource orders, RfmConfig config, Clock clock) {
        if (config.bins() < 2 || config.bins() > 100) {
            throw new IllegalArgumentException("scoring.rfm.bins must be within 2..100, got " + config.bins());
        }
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.orders = orders;
        this.config = config;
        this.clock = clock;
    }

    /** Today by the run's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The default as-of date of every stage: the day after the latest purchase dated on or before {@link #today()}, so
     * it never exceeds tomorrow; empty when there are no such purchases. Orders dated after today (typos, test rows,
     * time-zone drift) never move it; {@link #ordersAfterToday()} counts them.
     */
    public Optional<LocalDate> defaultAsOf() {
        return w.queryOne("SELECT MAX(purchase_date) AS latest FROM (" + new PurchaseFacts(orders, d)
                        .lines(d.dateLiteral(today().plusDays(1))) + ") l", List.of(), r -> r.date("latest"))
                .map(latest -> latest.plusDays(1));
    }

    /** Rows of the orders table dated after {@link #today()}, which {@link #defaultAsOf()} leaves out. */
    public long ordersAfterToday() {
        return w.queryLong("SELECT COUNT(*) FROM " + d.table(orders.table()) + " o WHERE "
                + new PurchaseFacts(orders, d).dateExpr() + " > " + d.dateLiteral(today()));
    }

    /** The SELECT producing the rows of {@code rfm_scores} for {@code asOf}, in table column order. */
    public String select(LocalDate asOf) {
        return select(asOf, d.computesSharedWithOnce());
    }

    /**
     * With {@code perValue}, recency and frequency are scored per distinct value (a few thousand rows: the rank of a
     * value is one plus the customers with a smaller one, a running sum of the value counts) and joined back, so only
     * monetary value is sorted over every customer; this reads the per-customer rows three times, through a
     * {@code WITH} the engine computes once. Without it, each score is a {@code RANK()} over every customer. Both give
     * the same rows.
     */
    String select(LocalDate asOf, boolean perValue) {
        String asOfSql = d.dateLiteral(asOf);
        String scored = perValue
                ? "WITH b AS (" + perCustomer(asOfSql) + "), r AS (" + valueScores("recency_days", " DESC", "r_score")
                        + "), f AS (" + valueScores("frequency", "", "f_score") + ") SELECT b.*, r.r_score, f.f_score, "
                        + score("monetary_total") + " AS m_score FROM b JOIN r ON r.recency_days = b.recency_days"
                        + " JOIN f ON f.frequency = b.frequency"
                : "SELECT b.*, " + score("recency_days DESC") + " AS r_score, " + score("frequency") + " AS f_score, "
                        + score("monetary_total") + " AS m_score FROM (" + perCustomer(asOfSql) + ") b";
        return "SELECT " + asOfSql + " AS as_of, customer_key, last_purchase, recency_days, frequency, monetary_total,"
                + " monetary_avg, r_score, f_score, m_score, " + RfmSegmentMap.of(config).caseExpr(d) + " AS rfm_segment"
                + " FROM (" + scored + ") s";
    }

    /** One row per scored customer: key, last purchase, recency in days, frequency, monetary total and average. */
    private String perCustomer(String asOfSql) {
        PurchaseFacts facts = new PurchaseFacts(orders, d);
        // without cancellations netted there is nothing to join: the join would only cost a pass over every customer
        String monetary = facts.hasAdjustments() ? "p.gross + COALESCE(a.adjustment, 0)" : "p.gross";
        return "SELECT p.customer_key, p.last_purchase, "
                + d.castBigint(d.daysBetween("p.last_purchase", asOfSql)) + " AS recency_days, p.frequency, "
                + monetary + " AS monetary_total, (" + monetary + ") / p.frequency AS monetary_avg FROM ("
                + "SELECT customer_key, last_purchase, purchases AS frequency, value AS gross FROM ("
                + facts.perCustomer(asOfSql) + ") pu) p"
                + (facts.hasAdjustments() ? " LEFT JOIN (SELECT customer_key, SUM(value) AS adjustment FROM ("
                + facts.adjustments(asOfSql) + ") ad GROUP BY customer_key) a ON a.customer_key = p.customer_key" : "");
    }

    /** {@code 1 + floor(bins * (rank - 1) / n)} with {@code rank} the {@code RANK()} over every customer. */
    private String score(String orderBy) {
        return d.castBigint("FLOOR(" + d.castDouble(config.bins() + " * (RANK() OVER (ORDER BY " + orderBy + ") - 1)")
                + " / COUNT(*) OVER ())") + " + 1";
    }

    /**
     * The score of each distinct value of {@code column} in {@code b}, equal to {@link #score}'s: {@code rank - 1} is
     * the number of customers before the value, the running sum of the counts up to it less its own count.
     */
    private String valueScores(String column, String direction, String name) {
        return "SELECT " + column + ", " + d.castBigint("FLOOR(" + d.castDouble(config.bins() + " * (SUM(c) OVER (ORDER BY "
                + column + direction + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c)") + " / "
                + d.castDouble("SUM(c) OVER ()") + ")") + " + 1 AS " + name + " FROM (SELECT " + column
                + ", COUNT(*) AS c FROM b GROUP BY " + column + ") g";
    }

    /** Checks the segment map's rules compile, naming the first that does not. */
    public void checkSegmentMap() {
        for (RfmConfig.RfmSegmentRule rule : RfmSegmentMap.of(config).rules()) {
            Optional<String> error = w.checkQuery("SELECT CASE WHEN (" + rule.rule() + ") THEN 1 END AS x FROM (SELECT "
                    + "1 AS r_score, 1 AS f_score, 1 AS m_score, 1 AS recency_days, 1 AS frequency,"
                    + " 1.0 AS monetary_total, 1.0 AS monetary_avg) s");
            if (error.isPresent()) {
                throw new IllegalArgumentException("scoring.rfm.segments: rule of '" + rule.name() + "' ("
                        + rule.rule() + ") is not valid SQL over r_score, f_score, m_score: " + error.get());
            }
        }
    }

    /** Scores {@code asOf}, replacing any earlier run for that date only. */
    public RfmResult score(LocalDate asOf) {
        checkSegmentMap();
        Instant start = clock.instant();
        TableName table = w.own(SegliftTables.RFM_SCORES);
        w.inTransaction(tx -> {
            tx.execute("DELETE FROM " + d.table(table) + " WHERE as_of = " + d.dateLiteral(asOf));
            tx.execute("INSERT INTO " + d.table(table) + " (as_of, customer_key, last_purchase, recency_days, frequency,"
                    + " monetary_total, monetary_avg, r_score, f_score, m_score, rfm_segment) " + select(asOf));
        });
        Map<String, Long> segments = new LinkedHashMap<>();
        w.queryList("SELECT rfm_segment, COUNT(*) AS n FROM " + d.table(table) + " WHERE as_of = "
                        + d.dateLiteral(asOf) + " GROUP BY rfm_segment ORDER BY COUNT(*) DESC, rfm_segment", List.of(),
                r -> segments.put(r.string("rfm_segment"), r.longValue("n")));
        long total = segments.values().stream().mapToLong(Long::longValue).sum();
        return new RfmResult(asOf, total, segments, Duration.between(start, clock.instant()));
    }
}
