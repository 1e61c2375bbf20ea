package io.seglift.scoring.bench;

import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.scoring.rfm.RfmResult;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.SegmentBuild;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.settings.Settings;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
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
 * RFM plus three segment builds on generated data in a DuckDB file: {@code args[0]} customers (default 1,000,000) and
 * {@code args[1]} orders (default 10,000,000), generated in SQL. Run as documented in docs/benchmarks.md.
 */
public final class RfmBenchmark {
    private RfmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long orders = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        Path dir = Files.createTempDirectory("seglift-bench");
        Path db = dir.resolve("bench.duckdb");
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + db, "seglift",
                new Settings("bench", "duckdb", Map.of("memory_limit", "4GB")))) {
            Migrator.discover().migrate(w);
            System.out.printf("machine: %d cores, load average at start %.1f%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long t = System.nanoTime();
            w.execute("CREATE TABLE customers AS SELECT i AS customer_id, 'c' || i || '@bench.example' AS email,"
                    + " (i % 2 = 0) AS email_opt_in, CASE WHEN i % 10 = 0 THEN 'vip' ELSE 'std' END AS tier"
                    + " FROM range(1, " + (customers + 1) + ") t(i)");
            w.execute("CREATE TABLE orders AS SELECT i AS order_id, 1 + CAST(hash(i) % " + customers + " AS BIGINT) AS customer_id,"
                    + " TIMESTAMP '2022-01-01' + to_seconds(CAST(hash(i * 7 + 1) % (3 * 365 * 86400) AS BIGINT)) AS ordered_at,"
                    + " CAST(5 + (hash(i * 13 + 5) % 20000) / 100.0 AS DOUBLE) AS total FROM range(0, " + orders + ") t(i)");
            System.out.printf("generated %,d customers and %,d orders in %.1f s%n", customers, orders, secs(t));

            OrdersSource src = new OrdersSource(TableName.parse("orders", "t"), "customer_id", "ordered_at",
                    Optional.of("order_id"), Optional.of("total"), Optional.empty(), Optional.empty(), Optional.empty(),
                    OrderRules.defaults());
            CustomersSource cust = new CustomersSource(TableName.parse("customers", "t"), "customer_id",
                    Map.of(IdentifierType.EMAIL, "email"), new ConsentColumns(Optional.of("email_opt_in"),
                    Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty());
            List<SegmentConfig> segments = List.of(
                    Fixtures.segment("champions", "rfm_segment = 'Champions'", 0.1, true),
                    Fixtures.segment("lapsed", "rfm_segment IN ('At Risk', 'Hibernating') AND recency_days BETWEEN 90 AND 365",
                            0.1, true),
                    Fixtures.segment("vip_email", "tier = 'vip' AND email_opt_in AND m_score >= 4", 0.1, true));
            ProjectConfig project = Fixtures.project(cust, src, segments);
            RfmScorer scorer = new RfmScorer(w, src, RfmConfig.defaults(), Clock.systemUTC());
            LocalDate asOf = scorer.defaultAsOf().orElseThrow();
            for (LocalDate day : List.of(asOf.minusDays(30), asOf)) {
                double cpu = cpuSeconds();
                RfmResult r = scorer.score(day);
                System.out.printf("RFM as of %s: %,d customers in %.2f s wall, %.2f s process CPU%n", day, r.customers(),
                        r.elapsed().toMillis() / 1000.0, cpuSeconds() - cpu);
                SegmentBuilder builder = new SegmentBuilder(w, project, Clock.systemUTC());
                long all = System.nanoTime();
                double segCpu = cpuSeconds();
                for (SegmentConfig s : segments) {
                    SegmentBuild b = builder.build(s, day);
                    System.out.printf("  segment %-10s %,9d members (holdout %,d) change %s in %.2f s%n", s.name(),
                            b.members(), b.holdout(), b.changeRatio().map(x -> String.format("%.1f%%", x * 100))
                                    .orElse("-"), b.elapsed().toMillis() / 1000.0);
                }
                System.out.printf("  three segments in %.2f s wall, %.2f s process CPU%n", secs(all), cpuSeconds() - segCpu);
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("JVM heap: max %d MiB, used after GC %d MiB%n", rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** CPU time of this process, DuckDB's native threads included: less distorted by other load than wall time. */
    private static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
