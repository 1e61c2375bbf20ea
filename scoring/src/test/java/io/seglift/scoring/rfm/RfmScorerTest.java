package io.seglift.scoring.rfm;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.RfmConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfmScorerTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);
    private DuckDbWarehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
        w.execute("""
                INSERT INTO orders VALUES
                 ('1', 1, '2024-02-28 10:00', 60, 'ok'), ('1', 1, '2024-02-28 10:00', 40, 'ok'),
                 ('2', 1, '2024-02-20 09:00', 50, 'ok'), ('3', 1, '2024-01-10 09:00', 30, 'ok'),
                 ('4', 2, '2024-02-28 11:00', 10, 'ok'),
                 ('5', 3, '2023-06-01 11:00', 500, 'ok'), ('6', 3, '2023-07-01 11:00', 500, 'ok'),
                 ('7', 3, '2023-07-02 11:00', 200, 'cancelled'),
                 ('8', 4, '2024-01-01 11:00', 20, 'ok'), ('9', 4, '2024-01-02 11:00', 0, 'ok'),
                 ('10', NULL, '2024-01-02 11:00', 99, 'ok'),
                 ('11', 5, '2024-03-05 11:00', 70, 'ok')""");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private RfmScorer scorer() {
        return new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), Clock.systemUTC());
    }

    private Map<String, Object> row(LocalDate asOf, String key) {
        return w.queryOne("SELECT * FROM seglift.rfm_scores WHERE as_of = ? AND customer_key = ?", List.of(asOf, key), r -> {
            Map<String, Object> m = new java.util.HashMap<>();
            for (int i = 0; i < r.columnCount(); i++) m.put(r.columnName(i), r.get(i));
            return m;
        }).orElseThrow(() -> new AssertionError("no row for " + key));
    }

    /**
     * A table with one row per order says so with {@code count_by: line}, which counts rows instead of distinct order
     * ids (the costly part of RFM at scale): it must score exactly as {@code count_by: order} does on the same rows.
     */
    @Test
    void oneRowPerOrderCountedByLineScoresExactlyAsCountByOrder() {
        w.execute("CREATE TABLE orders_one_row AS SELECT order_id, MIN(cust_id) AS cust_id, MAX(ordered_at) AS ordered_at,"
                + " SUM(amount) AS amount, MIN(status) AS status FROM orders GROUP BY order_id");
        OrdersSource byOrder = withTable(Fixtures.orders(), OrderRules.CountBy.ORDER);
        OrdersSource byLine = withTable(Fixtures.orders(), OrderRules.CountBy.LINE);
        assertThat(new RfmScorer(w, byLine, RfmConfig.defaults(), Clock.systemUTC()).select(AS_OF)).doesNotContain("DISTINCT");

        new RfmScorer(w, byOrder, RfmConfig.defaults(), Clock.systemUTC()).score(AS_OF);
        w.execute("CREATE TABLE by_order AS SELECT * FROM seglift.rfm_scores");
        new RfmScorer(w, byLine, RfmConfig.defaults(), Clock.systemUTC()).score(AS_OF);

        String diff = "SELECT COUNT(*) FROM (SELECT * FROM by_order EXCEPT SELECT * FROM seglift.rfm_scores) d";
        assertThat(w.queryLong("SELECT COUNT(*) FROM by_order")).isEqualTo(4);
        assertThat(w.queryLong(diff)).isZero();
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.rfm_scores")).isEqualTo(4);
    }

    /**
     * Recency and frequency are scored per distinct value and joined back (only monetary value is ranked over every
     * customer); on data with many ties and several bin counts that must give exactly the rows of a RANK over every
     * customer.
     */
    @Test
    void scoresPerDistinctValueEqualRanksOverEveryCustomer() {
        w.execute("DELETE FROM orders");
        w.execute("INSERT INTO orders SELECT CAST(i AS VARCHAR), CAST(i % 997 AS INTEGER), TIMESTAMP '2024-01-01'"
                + " + to_days(CAST(i % 37 AS INTEGER)), CAST(1 + i % 13 AS DOUBLE), 'ok' FROM range(0, 4000) t(i)");
        for (int bins : new int[] {2, 3, 5, 7}) {
            RfmConfig config = new RfmConfig(bins, bins == 5 ? List.of() : List.of(
                    new RfmConfig.RfmSegmentRule("Top", "r_score = " + bins + " AND monetary_avg > 6")));
            RfmScorer scorer = new RfmScorer(w, Fixtures.orders(), config, Clock.systemUTC());
            String perValue = scorer.select(AS_OF, true);
            assertThat(perValue).doesNotContain("RANK() OVER (ORDER BY recency_days")
                    .doesNotContain("RANK() OVER (ORDER BY frequency");
            assertThat(scorer.select(AS_OF)).as("DuckDB computes a shared WITH once").isEqualTo(perValue);
            String ranked = scorer.select(AS_OF, false);
            assertThat(w.queryLong("SELECT COUNT(*) FROM (" + perValue + ") s")).isEqualTo(997);
            assertThat(w.queryLong("SELECT COUNT(DISTINCT f_score) FROM (" + perValue + ") s")).isGreaterThan(1);
            assertThat(w.queryLong("SELECT COUNT(*) FROM ((" + perValue + ") EXCEPT ALL (" + ranked + ")) d"))
                    .as("bins %d", bins).isZero();
            assertThat(w.queryLong("SELECT COUNT(*) FROM ((" + ranked + ") EXCEPT ALL (" + perValue + ")) d"))
                    .as("bins %d", bins).isZero();
        }
    }

    private static OrdersSource withTable(OrdersSource o, OrderRules.CountBy countBy) {
        return new OrdersSource(io.seglift.spi.warehouse.TableName.parse("orders_one_row", "t"), o.customer(), o.at(),
                o.orderId(), o.amount(), o.quantity(), o.unitPrice(), o.category(), new OrderRules(countBy,
                o.rules().cancelledWhen(), o.rules().cancellations(), o.rules().dropNonPositive()));
    }

    @Test
    void computesRecencyFrequencyMonetaryFromPurchaseFacts() {
        RfmResult result = scorer().score(AS_OF);
        assertThat(result.customers()).isEqualTo(4);
        Map<String, Object> a = row(AS_OF, "1");
        assertThat(a.get("recency_days")).isEqualTo(2);
        assertThat(a.get("frequency")).isEqualTo(3L);
        assertThat(a.get("monetary_total")).isEqualTo(180.0);
        assertThat(a.get("monetary_avg")).isEqualTo(60.0);
        Map<String, Object> c = row(AS_OF, "3");
        assertThat(c.get("frequency")).isEqualTo(2L);
        assertThat(c.get("monetary_total")).as("cancellation netted").isEqualTo(800.0);
        assertThat(row(AS_OF, "4").get("frequency")).as("zero-value order dropped").isEqualTo(1L);
        assertThat(w.queryLong("SELECT count(*) FROM seglift.rfm_scores WHERE customer_key = '5'"))
                .as("purchases on or after as_of do not count").isZero();
    }

    @Test
    void tiesShareAScoreAndRecencyIsReversed() {
        scorer().score(AS_OF);
        // recency descending: 3 (274 days), 4 (60), then 1 and 2 tied at 2 days -> ranks 1, 2, 3, 3 of 4
        assertThat(row(AS_OF, "3").get("r_score")).isEqualTo(1);
        assertThat(row(AS_OF, "4").get("r_score")).isEqualTo(2);
        assertThat(row(AS_OF, "1").get("r_score")).isEqualTo(3);
        assertThat(row(AS_OF, "2").get("r_score")).isEqualTo(3);
        // frequency 1, 1, 2, 3 -> ranks 1, 1, 3, 4 -> scores 1, 1, 3, 4
        assertThat(row(AS_OF, "2").get("f_score")).isEqualTo(1);
        assertThat(row(AS_OF, "4").get("f_score")).isEqualTo(1);
        assertThat(row(AS_OF, "3").get("f_score")).isEqualTo(3);
        assertThat(row(AS_OF, "1").get("f_score")).isEqualTo(4);
    }

    @Test
    void rerunReplacesOnlyThatAsOfAndKeepsHistory() {
        scorer().score(AS_OF);
        scorer().score(LocalDate.of(2024, 2, 1));
        scorer().score(AS_OF);
        assertThat(w.queryLong("SELECT count(*) FROM seglift.rfm_scores WHERE as_of = DATE '2024-03-01'")).isEqualTo(4);
        assertThat(w.queryLong("SELECT count(*) FROM seglift.rfm_scores WHERE as_of = DATE '2024-02-01'")).isEqualTo(3);
    }

    @Test
    void defaultAsOfIsTheDayAfterTheLatestPurchase() {
        assertThat(scorer().defaultAsOf()).contains(LocalDate.of(2024, 3, 6));
    }

    @Test
    void conventionalMapNamesEveryScoreCombination() {
        String sql = "SELECT " + new RfmSegmentMap(RfmSegmentMap.CONVENTIONAL).caseExpr(w.dialect()) + " AS seg FROM range(1, 6) r(r_score),"
                + " range(1, 6) f(f_score), range(1, 6) m(m_score)";
        List<String> names = w.queryList(sql, List.of(), r -> r.string("seg"));
        assertThat(names).hasSize(125).doesNotContain(RfmSegmentMap.UNMATCHED);
        assertThat(new java.util.HashSet<>(names)).hasSize(11);
    }

    @Test
    void userMapIsUsedAndBadRulesAreNamed() {
        RfmConfig custom = new RfmConfig(3, List.of(new RfmConfig.RfmSegmentRule("Top", "f_score = 3")));
        new RfmScorer(w, Fixtures.orders(), custom, Clock.systemUTC()).score(AS_OF);
        assertThat(w.queryList("SELECT DISTINCT rfm_segment FROM seglift.rfm_scores", List.of(), r -> r.string("rfm_segment")))
                .containsExactlyInAnyOrder("Top", RfmSegmentMap.UNMATCHED);
        RfmConfig bad = new RfmConfig(3, List.of(new RfmConfig.RfmSegmentRule("Oops", "r_scor = 3")));
        assertThatThrownBy(() -> new RfmScorer(w, Fixtures.orders(), bad, Clock.systemUTC()).score(AS_OF))
                .hasMessageContaining("'Oops'").hasMessageContaining("r_scor");
        assertThatThrownBy(() -> new RfmScorer(w, Fixtures.orders(), new RfmConfig(4, List.of()), Clock.systemUTC()).score(AS_OF))
                .hasMessageContaining("quintiles");
    }
}
