package io.seglift.scoring.acceptance;

import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.scoring.rfm.RfmResult;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.SegmentBuild;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.progress.Progress;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit, RFM and segments on the shared public datasets (../shared/data). */
@Tag("acceptance")
class SharedDataAcceptanceTest {

    private static Path data(String file) {
        String dir = System.getProperty("seglift.shared.data", "");
        Assumptions.assumeTrue(!dir.isEmpty() && Files.isDirectory(Path.of(dir)), "no shared data folder");
        Path p = Path.of(dir, file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "missing " + p);
        return p;
    }

    @Test
    void onlineRetailAuditAndRfm() {
        Path file = data("online_retail.csv.gz");
        LocalDate asOf = LocalDate.of(2011, 12, 10);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Migrator.discover().migrate(w);
            long t0 = System.nanoTime();
            long loaded = w.loadFile(file, TableName.parse("online_retail", "t"), Progress.NONE);
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(loaded).isEqualTo(541_909);
            w.execute("CREATE TABLE customers AS SELECT DISTINCT \"CustomerID\" AS customer_id FROM online_retail"
                    + " WHERE \"CustomerID\" IS NOT NULL");
            OrdersSource orders = new OrdersSource(TableName.parse("online_retail", "t"), "CustomerID", "InvoiceDate",
                    Optional.of("InvoiceNo"), Optional.empty(), Optional.of("Quantity"), Optional.of("UnitPrice"),
                    Optional.of("StockCode"), new OrderRules(OrderRules.CountBy.ORDER,
                    Optional.of("CAST(\"InvoiceNo\" AS VARCHAR) LIKE 'C%'"), OrderRules.Cancellations.EXCLUDE, true));
            CustomersSource customers = new CustomersSource(TableName.parse("customers", "t"), "customer_id",
                    Map.of(IdentifierType.EXTERNAL_ID, "customer_id"), ConsentColumns.none(), Optional.empty());
            SegmentConfig champions = Fixtures.segment("champions", "rfm_segment = 'Champions'", 0.1, true);
            SegmentConfig atRisk = Fixtures.segment("at_risk", "rfm_segment IN ('At Risk', 'Can''t Lose Them')", 0.1, true);
            ProjectConfig project = Fixtures.project(customers, orders, List.of(champions, atRisk));
            PurchaseFacts facts = new PurchaseFacts(orders, w.dialect());

            assertThat(w.queryLong("SELECT COUNT(*) FROM (" + facts.lines(null) + ") l")).isEqualTo(397_884);
            assertThat(w.queryLong("SELECT COUNT(DISTINCT customer_key) FROM (" + facts.lines(null) + ") l")).isEqualTo(4_338);
            assertThat(w.queryLong("SELECT COUNT(*) FROM (" + facts.purchases(null) + ") p")).isEqualTo(18_532);

            long a0 = System.nanoTime();
            AuditResult audit = new Auditor(w, project, new Destinations(List.of()), Clock.systemUTC()).run(asOf);
            long auditMs = (System.nanoTime() - a0) / 1_000_000;
            assertThat(audit.buyers()).isEqualTo(4_338);
            assertThat(audit.customers()).isEqualTo(4_372);
            assertThat(audit.historyMonths()).isEqualTo(12);
            assertThat(audit.quality().ordersWithoutCustomer()).isEqualTo(135_080);
            assertThat(audit.quality().cancelledRows()).isEqualTo(9_288);
            assertThat(audit.qualified()).isGreaterThan(1_000).isLessThan(4_338);
            assertThat(audit.allowsModels()).isTrue();

            RfmScorer scorer = new RfmScorer(w, orders, RfmConfig.defaults(), Clock.systemUTC());
            assertThat(scorer.defaultAsOf()).contains(asOf);
            RfmResult rfm = scorer.score(asOf);
            assertThat(rfm.customers()).isEqualTo(4_338);
            assertThat(rfm.segments().keySet()).contains("Champions", "Lost", "At Risk");
            assertThat(w.queryLong("SELECT MIN(recency_days) FROM seglift.rfm_scores")).isEqualTo(1);

            SegmentBuilder builder = new SegmentBuilder(w, project, Clock.systemUTC());
            SegmentBuild c = builder.build(champions, asOf);
            SegmentBuild r = builder.build(atRisk, asOf);
            assertThat(c.members()).isEqualTo(rfm.segments().get("Champions"));
            System.out.printf("online_retail: loaded %d rows in %d ms; audit %d ms: qualified %d of %d buyers, %d months,"
                            + " recommendation %s%n  RFM as of %s: %d customers in %d ms, segments %s%n"
                            + "  segment builds: champions %d (holdout %d) in %d ms, at_risk %d (holdout %d) in %d ms%n",
                    loaded, loadMs, auditMs, audit.qualified(), audit.buyers(), audit.historyMonths(),
                    audit.recommendation(), asOf, rfm.customers(), rfm.elapsed().toMillis(), rfm.segments(), c.members(),
                    c.holdout(), c.elapsed().toMillis(), r.members(), r.holdout(), r.elapsed().toMillis());
        }
    }

    @Test
    void rfmDataOrders() {
        Path file = data("rfm_data_orders.csv");
        LocalDate asOf = LocalDate.of(2006, 12, 31);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Migrator.discover().migrate(w);
            w.loadFile(file, TableName.parse("rfm_orders", "t"), Progress.NONE);
            w.execute("CREATE TABLE customers AS SELECT customer_id, MIN(email) AS email FROM rfm_orders GROUP BY customer_id");
            OrdersSource orders = new OrdersSource(TableName.parse("rfm_orders", "t"), "customer_id", "order_date",
                    Optional.empty(), Optional.of("revenue"), Optional.empty(), Optional.empty(), Optional.empty(),
                    OrderRules.defaults());
            CustomersSource customers = new CustomersSource(TableName.parse("customers", "t"), "customer_id",
                    Map.of(IdentifierType.EMAIL, "email"), ConsentColumns.none(), Optional.empty());
            ProjectConfig project = Fixtures.project(customers, orders, List.of());
            AuditResult audit = new Auditor(w, project, new Destinations(List.of()), Clock.systemUTC()).run(asOf);
            RfmResult rfm = new RfmScorer(w, orders, RfmConfig.defaults(), Clock.systemUTC()).score(asOf);
            assertThat(rfm.customers()).isEqualTo(995);
            assertThat(audit.buyers()).isEqualTo(995);
            assertThat(rfm.segments().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(995);
            assertThat(rfm.segments()).doesNotContainKey("Unclassified");
            System.out.printf("rfm_data_orders: audit qualified %d of %d, %d months, %s; RFM as of %s: %d customers in %d ms,"
                            + " segments %s%n", audit.qualified(), audit.buyers(), audit.historyMonths(),
                    audit.recommendation(), asOf, rfm.customers(), rfm.elapsed().toMillis(), rfm.segments());
        }
    }
}
