package io.seglift.demo;

import io.seglift.config.ClvConfig;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.scoring.clv.BgNbd;
import io.seglift.scoring.clv.ClvResult;
import io.seglift.scoring.clv.ClvScorer;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * CLV on the demo shop against the generator's ground truth: BG/NBD's expected purchase days over the demo's future
 * period ({@code demo_truth.future_orders}, 180 days), by decile of the prediction, against the purchase days each
 * customer really makes in it.
 */
class ClvAgainstTruthTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

    private record Customer(double predicted, long actual) {
    }

    @Test
    void predictedPurchasesTrackTheTrueFuturePurchasesByDecile() {
        DemoSpec spec = DemoSpec.of(4_000, 42);
        LocalDate asOf = spec.asOf().plusDays(1);
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Migrator.discover().migrate(w);
            new DemoGenerator(CLOCK).generate(w, spec, Progress.NONE);
            OrdersSource orders = new OrdersSource(DemoTables.ORDERS, "customer_id", "ordered_at", Optional.of("order_id"),
                    Optional.of("total"), Optional.empty(), Optional.empty(), Optional.of("category"),
                    new OrderRules(OrderRules.CountBy.ORDER, Optional.of("status in ('cancelled', 'refunded')"),
                            OrderRules.Cancellations.EXCLUDE, true));
            ClvResult fit = new ClvScorer(w, orders, new ClvConfig(6, 0, Optional.empty(), 0), CLOCK).score(asOf);
            double weeks = spec.futureDays() / 7.0;
            List<Customer> customers = new ArrayList<>();
            w.query("SELECT s.frequency, s.recency_weeks, s.age_weeks, COALESCE(f.days, 0) AS actual FROM seglift.clv_scores s"
                    + " LEFT JOIN (SELECT CAST(customer_id AS VARCHAR) AS k, COUNT(DISTINCT CAST(ordered_at AS DATE)) AS days"
                    + " FROM demo_truth.future_orders WHERE status NOT IN ('cancelled', 'refunded') AND total > 0"
                    + " AND ordered_at < ? GROUP BY 1) f ON f.k = s.customer_key WHERE s.as_of = ?",
                    List.of(asOf.plusDays(spec.futureDays()).atStartOfDay(), asOf), r -> customers.add(new Customer(
                            BgNbd.expectedPurchases(fit.bgNbd(), weeks, r.longValue("frequency"), r.doubleValue("recency_weeks"),
                                    r.doubleValue("age_weeks")), r.longValue("actual"))));
            customers.sort(Comparator.comparingDouble(Customer::predicted));
            int n = customers.size();
            double[] predicted = new double[10];
            double[] actual = new double[10];
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "demo CLV vs truth (%d buyers, %s, %d days):%n"
                    + "decile  predicted  actual%n", n, fit.bgNbd(), spec.futureDays()));
            for (int dec = 0; dec < 10; dec++) {
                List<Customer> part = customers.subList(dec * n / 10, (dec + 1) * n / 10);
                predicted[dec] = part.stream().mapToDouble(Customer::predicted).average().orElseThrow();
                actual[dec] = part.stream().mapToLong(Customer::actual).average().orElseThrow();
                table.append(String.format(Locale.ROOT, "%6d  %9.3f  %6.3f%n", dec + 1, predicted[dec], actual[dec]));
            }
            double totalPredicted = customers.stream().mapToDouble(Customer::predicted).sum();
            double totalActual = customers.stream().mapToLong(Customer::actual).sum();
            System.out.print(table.append(String.format(Locale.ROOT, "total   %9.0f  %6.0f%n", totalPredicted, totalActual)));

            assertThat(totalPredicted).isCloseTo(totalActual, withinPercentage(20));
            assertThat(actual[9]).as("top decile buys far more than the bottom").isGreaterThan(4 * actual[0]);
            for (int dec = 5; dec < 10; dec++) {
                assertThat(actual[dec]).as("decile " + (dec + 1)).isGreaterThanOrEqualTo(actual[dec - 1] * 0.9);
                assertThat(predicted[dec]).as("decile " + (dec + 1)).isCloseTo(actual[dec], withinPercentage(35));
            }
        }
    }
}
