package io.seglift.scoring.clusters;

import io.seglift.config.AuditConfig;
import io.seglift.config.ClustersConfig;
import io.seglift.config.ClvConfig;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.TableName;
import io.seglift.toolkit.jdbc.Migrator;
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

/**
 * Online Retail's standardised RFM sample clustered by Commons Math's k-means++ and by an independent plain Lloyd's
 * k-means at the same k: the partitions and centroids must agree.
 */
@Tag("acceptance")
class OnlineRetailComparisonTest {
    @Test
    void commonsMathAgreesWithAnIndependentLloyd() {
        String shared = System.getProperty("seglift.shared.data", "");
        Path file = Path.of(shared, "online_retail.csv.gz");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isRegularFile(file), "no " + file);
        LocalDate asOf = LocalDate.of(2011, 12, 10);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Migrator.discover().migrate(w);
            w.loadFile(file, TableName.parse("online_retail", "t"), Progress.NONE);
            w.execute("CREATE TABLE customers AS SELECT DISTINCT \"CustomerID\" AS customer_id FROM online_retail"
                    + " WHERE \"CustomerID\" IS NOT NULL");
            OrdersSource orders = new OrdersSource(TableName.parse("online_retail", "t"), "CustomerID", "InvoiceDate",
                    Optional.of("InvoiceNo"), Optional.empty(), Optional.of("Quantity"), Optional.of("UnitPrice"),
                    Optional.of("StockCode"), new OrderRules(OrderRules.CountBy.ORDER,
                    Optional.of("CAST(\"InvoiceNo\" AS VARCHAR) LIKE 'C%'"), OrderRules.Cancellations.EXCLUDE, true));
            CustomersSource customers = new CustomersSource(TableName.parse("customers", "t"), "customer_id",
                    Map.of(IdentifierType.EXTERNAL_ID, "customer_id"), ConsentColumns.none(), Optional.empty());
            ProjectConfig base = Fixtures.project(customers, orders, List.of());
            ClustersConfig config = ClustersConfig.defaults();
            ProjectConfig p = new ProjectConfig(base.project(), base.file(), base.warehouse(), base.sources(),
                    new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), Map.of(), ClvConfig.defaults(), config),
                    base.segments(), base.destinations(), base.syncs(), base.sqlFragments());
            new RfmScorer(w, orders, RfmConfig.defaults(), Clock.systemUTC()).score(asOf);
            ClusterData data = new ClusterData(w, p, config);
            Standardisation s = data.standardisation(asOf);
            double[][] sample = data.sample(asOf, s);
            assertThat(sample).hasNumberOfRows(4_338);
            for (int k = 2; k <= 4; k++) {
                Centroids ours = new KMeansFitter(config.restarts()).fit(sample, k, config.seed() + k);
                double[][] theirs = IndependentLloyd.fit(sample, k, 50, 1234 + k);
                double ari = PartitionAgreement.adjustedRand(ours.assign(sample), IndependentLloyd.assign(theirs, sample));
                double distance = IndependentLloyd.maxCentroidDistance(ours.centres(), theirs);
                System.out.printf(java.util.Locale.ROOT, "online retail k=%d: ARI(commons-math, independent Lloyd) = %.4f,"
                        + " max centroid distance = %.2e (z units)%n", k, ari, distance);
                assertThat(ari).isGreaterThan(0.99);
                assertThat(distance).isLessThan(0.01);
            }
        }
    }
}
