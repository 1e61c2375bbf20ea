package io.seglift.sync.bench;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.RfmConfig;
import io.seglift.scoring.rfm.RfmBaseline;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.TableName;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RfmScorer#score} against {@link RfmBaseline#score} on generated orders in a DuckDB file: {@code args[0]}
 * customers (default 1,000,000) and ten times as many orders, one row per order (the data of
 * {@code io.seglift.scoring.bench.RfmBenchmark}), counted with {@code count_by: order} or, with {@code args[2] = line},
 * {@code count_by: line} (how a project declares one row per order); {@code args[2] = explain} prints
 * {@code EXPLAIN ANALYZE} of the generated SQL instead. Run as documented in docs/benchmarks.md.
 */
public final class RfmVsHandQuery {
    private RfmVsHandQuery() {
    }

    public static void main(String[] args) throws Exception {
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String mode = args.length > 2 ? args[2] : "order";
        OrderRules.CountBy countBy = mode.equals("line") ? OrderRules.CountBy.LINE : OrderRules.CountBy.ORDER;
        Path dir = Files.createTempDirectory("seglift-rfm-bench");
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("bench.duckdb"), "seglift",
                new Settings("bench", "duckdb", Map.of("memory_limit", "4GB")))) {
            Migrator.discover().migrate(w);
            System.out.printf("load average at start %.2f%n", SideBySide.loadAverage());
            w.execute("CREATE TABLE orders AS SELECT i AS order_id, 1 + CAST(hash(i) % " + customers + " AS BIGINT) AS customer_id,"
                    + " TIMESTAMP '2022-01-01' + to_seconds(CAST(hash(i * 7 + 1) % (3 * 365 * 86400) AS BIGINT)) AS ordered_at,"
                    + " CAST(5 + (hash(i * 13 + 5) % 20000) / 100.0 AS DOUBLE) AS total FROM range(0, " + customers * 10 + ") t(i)");
            OrdersSource orders = new OrdersSource(TableName.parse("orders", "t"), "customer_id", "ordered_at",
                    Optional.of("order_id"), Optional.of("total"), Optional.empty(), Optional.empty(), Optional.empty(),
                    new OrderRules(countBy, Optional.empty(), OrderRules.Cancellations.EXCLUDE, true));
            RfmScorer scorer = new RfmScorer(w, orders, RfmConfig.defaults(), Clock.systemUTC());
            LocalDate asOf = LocalDate.of(2024, 12, 1);
            if (mode.equals("explain")) {
                PlanVsHandDiff.explain(w, scorer.select(asOf));
                return;
            }
            var r = SideBySide.measure("RFM (count_by " + countBy.name().toLowerCase(java.util.Locale.ROOT) + ") vs hand query", runs, () -> { }, () -> scorer.score(asOf).customers(),
                    () -> RfmBaseline.score(w, orders, asOf, 5));
            System.out.printf("%,d customers, %,d orders%n", customers, customers * 10);
            System.out.println(r);
            System.out.printf("load average at end %.2f%n", SideBySide.loadAverage());
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }
}
