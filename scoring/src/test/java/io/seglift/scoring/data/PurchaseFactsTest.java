package io.seglift.scoring.data;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PurchaseFactsTest {
    private DuckDbWarehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        w.execute("CREATE TABLE lines (inv VARCHAR, qty INTEGER, price DOUBLE, cust DOUBLE, \"at\" TIMESTAMP)");
        w.execute("""
                INSERT INTO lines VALUES
                 ('1', 2, 5.0, 1, '2024-01-01 10:00'), ('1', 1, 10.0, 1, '2024-01-01 10:00'),
                 ('2', 1, 3.0, 1, '2024-01-01 12:00'),
                 ('C3', -1, 10.0, 1, '2024-01-05 09:00'),
                 ('4', 1, 0.0, 1, '2024-01-06 09:00'),
                 ('5', 1, 7.0, NULL, '2024-01-06 09:00'),
                 ('6', 3, 1.0, 2, '2024-02-01 09:00')""");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private PurchaseFacts facts(OrderRules.CountBy by, OrderRules.Cancellations c) {
        return new PurchaseFacts(new OrdersSource(TableName.parse("lines", "t"), "cust", "at", Optional.of("inv"),
                Optional.empty(), Optional.of("qty"), Optional.of("price"), Optional.empty(),
                new OrderRules(by, Optional.of("\"inv\" LIKE 'C%'"), c, true)), w.dialect());
    }

    @Test
    void countsOrdersOnceAndDropsMess() {
        PurchaseFacts f = facts(OrderRules.CountBy.ORDER, OrderRules.Cancellations.EXCLUDE);
        assertThat(w.queryLong("SELECT count(*) FROM (" + f.purchases(null) + ") p WHERE customer_key = '1.0'")).isEqualTo(2);
        assertThat(w.queryOne("SELECT SUM(value) FROM (" + f.purchases(null) + ") p WHERE customer_key = '1.0'",
                java.util.List.of(), r -> r.doubleValue(r.columnName(0))).orElseThrow()).isEqualTo(23.0);
        assertThat(w.queryLong("SELECT count(*) FROM (" + f.adjustments(null) + ") a")).isZero();
    }

    @Test
    void countByDayMergesSameDayOrders() {
        PurchaseFacts f = facts(OrderRules.CountBy.DAY, OrderRules.Cancellations.EXCLUDE);
        assertThat(w.queryLong("SELECT count(*) FROM (" + f.purchases(null) + ") p WHERE customer_key = '1.0'")).isEqualTo(1);
    }

    @Test
    void countByLineCountsEveryLine() {
        PurchaseFacts f = facts(OrderRules.CountBy.LINE, OrderRules.Cancellations.EXCLUDE);
        assertThat(w.queryLong("SELECT count(*) FROM (" + f.purchases(null) + ") p WHERE customer_key = '1.0'")).isEqualTo(3);
    }

    @Test
    void netKeepsCancellationsAsAdjustments() {
        PurchaseFacts f = facts(OrderRules.CountBy.ORDER, OrderRules.Cancellations.NET);
        assertThat(w.queryOne("SELECT SUM(value) FROM (" + f.adjustments(null) + ") a", java.util.List.of(),
                r -> r.doubleValue(r.columnName(0))).orElseThrow()).isEqualTo(-10.0);
    }

    @Test
    void upperBoundIsExclusive() {
        PurchaseFacts f = facts(OrderRules.CountBy.ORDER, OrderRules.Cancellations.EXCLUDE);
        String bound = w.dialect().dateLiteral(java.time.LocalDate.of(2024, 2, 1));
        assertThat(w.queryLong("SELECT count(*) FROM (" + f.purchases(bound) + ") p WHERE customer_key = '2.0'")).isZero();
    }

    @Test
    void perCustomerMatchesAggregatedPurchasesForEveryCountBy() {
        w.execute("INSERT INTO lines VALUES (NULL, 1, 4.0, 2, '2024-02-03 09:00'), (NULL, 2, 4.0, 2, '2024-02-04 09:00'),"
                + " ('7', 1, 2.0, 2, '2024-02-05 23:00'), ('7', 1, 2.0, 2, '2024-02-06 01:00')");
        for (OrderRules.CountBy by : OrderRules.CountBy.values()) {
            for (OrderRules.Cancellations c : OrderRules.Cancellations.values()) {
                PurchaseFacts f = facts(by, c);
                String viaPurchases = "SELECT customer_key, COUNT(*) AS n, MAX(purchase_date) AS last, SUM(value) AS v FROM ("
                        + f.purchases(null) + ") p GROUP BY customer_key";
                String direct = "SELECT customer_key, purchases AS n, last_purchase AS last, value AS v FROM ("
                        + f.perCustomer(null) + ") q";
                java.util.List<String> a = w.queryList(viaPurchases + " ORDER BY 1", java.util.List.of(),
                        r -> r.string("customer_key") + " " + r.longValue("n") + " " + r.date("last") + " " + r.doubleValue("v"));
                java.util.List<String> b = w.queryList(direct + " ORDER BY 1", java.util.List.of(),
                        r -> r.string("customer_key") + " " + r.longValue("n") + " " + r.date("last") + " " + r.doubleValue("v"));
                assertThat(b).as(by + " " + c).isEqualTo(a).isNotEmpty();
            }
        }
    }
}
