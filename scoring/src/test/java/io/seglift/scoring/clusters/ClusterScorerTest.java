package io.seglift.scoring.clusters;

import io.seglift.config.AuditConfig;
import io.seglift.config.ClustersConfig;
import io.seglift.config.ClvConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.scoring.segments.SegmentNotReadyException;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterScorerTest {
    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    private DuckDbWarehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        // three blobs in (spend, visits); customers 901.. have no visits and are left unassigned
        w.execute("CREATE TABLE customers (cust_id INTEGER, email VARCHAR, phone VARCHAR, email_ok BOOLEAN,"
                + " sms_ok BOOLEAN, dnd BOOLEAN, tier VARCHAR, spend DOUBLE, visits DOUBLE)");
        w.execute("SELECT setseed(0.42)");
        w.execute("INSERT INTO customers SELECT i, NULL, NULL, TRUE, FALSE, FALSE, 'x',"
                + " [100, 500, 900][i % 3 + 1] + 30 * (random() - 0.5), CASE WHEN i > 900 THEN NULL ELSE"
                + " [5, 40, 10][i % 3 + 1] + 4 * (random() - 0.5) END FROM range(1, 1001) t(i)");
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private ProjectConfig project(List<SegmentConfig> segments, List<String> features) {
        ProjectConfig p = Fixtures.project(segments);
        return new ProjectConfig(p.project(), p.file(), p.warehouse(), p.sources(),
                new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), Map.of(), ClvConfig.defaults(),
                        new ClustersConfig(features, 2, 5, 500, 4, 11L, false)),
                p.segments(), p.destinations(), p.syncs(), p.sqlFragments());
    }

    @Test
    void sqlAssignmentEqualsTheJvmNearestCentroidForEveryCustomer() {
        ProjectConfig p = project(List.of(), List.of("spend", "visits"));
        ClusterResult r = new ClusterScorer(w, p).score(D1);
        assertThat(r.refusals()).isEmpty();
        assertThat(r.k()).isEqualTo(3);
        assertThat(r.customers()).isEqualTo(900);
        assertThat(r.sampleSize()).isEqualTo(500);
        assertThat(r.clusters().stream().mapToLong(ClusterResult.Cluster::size).sum()).isEqualTo(900);
        assertThat(r.clusters()).allSatisfy(c -> assertThat(c.size()).isEqualTo(300));

        ClusterData data = new ClusterData(w, p, p.scoring().clusters());
        Standardisation s = data.standardisation(D1);
        double[][] centres = r.clusters().stream()
                .map(c -> c.centroid().stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        Centroids centroids = new Centroids(centres);
        Map<String, Integer> sql = new HashMap<>();
        w.query("SELECT customer_key, cluster FROM seglift.cluster_assignments WHERE as_of = DATE '2024-03-01'", List.of(),
                row -> sql.put(row.string("customer_key"), row.longValue("cluster").intValue()));
        Map<String, Integer> jvm = new HashMap<>();
        w.query(data.standardised(D1, s), List.of(), row -> jvm.put(row.string("customer_key"),
                centroids.nearest(new double[] {row.doubleValue("z1"), row.doubleValue("z2")}) + 1));
        assertThat(sql).hasSize(900).isEqualTo(jvm);
    }

    @Test
    void aRuleReadingClusterRefusesUntilClustersAreScoredThenBuilds() {
        SegmentConfig seg = Fixtures.segment("big_spenders", "cluster = 3", 0.1, false);
        ProjectConfig p = project(List.of(seg), List.of("spend", "visits"));
        SegmentBuilder builder = new SegmentBuilder(w, p, Clock.systemUTC());
        assertThatThrownBy(() -> builder.build(seg, D1)).isInstanceOf(SegmentNotReadyException.class)
                .hasMessageContaining("seglift score clusters --as-of 2024-03-01");
        new ClusterScorer(w, p).score(D1);
        assertThat(builder.build(seg, D1).members()).isEqualTo(300);
    }

    @Test
    void unknownFeatureIsNamedAndRefusedDataWritesNothing() {
        assertThatThrownBy(() -> new ClusterScorer(w, project(List.of(), List.of("spend", "nope"))).score(D1))
                .hasMessageContaining("scoring.clusters.features: 'nope' is not a numeric column");
        w.execute("UPDATE customers SET visits = NULL WHERE cust_id > 100");
        ClusterResult r = new ClusterScorer(w, project(List.of(), List.of("spend", "visits"))).score(D1);
        assertThat(r.supported()).isFalse();
        assertThat(r.refusals()).singleElement().asString().contains("100 customers");
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.cluster_assignments")).isZero();
    }

    @Test
    void agreesWithAnIndependentLloydOnTheSameStandardisedSample() {
        ProjectConfig p = project(List.of(), List.of("spend", "visits"));
        ClusterData data = new ClusterData(w, p, p.scoring().clusters());
        Standardisation s = data.standardisation(D1);
        double[][] sample = data.sample(D1, s);
        Centroids ours = new KMeansFitter(4).fit(sample, 3, 11);
        double[][] theirs = IndependentLloyd.fit(sample, 3, 20, 99);
        double ari = PartitionAgreement.adjustedRand(ours.assign(sample), IndependentLloyd.assign(theirs, sample));
        assertThat(ari).isEqualTo(1.0);
        assertThat(IndependentLloyd.maxCentroidDistance(ours.centres(), theirs)).isLessThan(1e-9);
    }
}
