package io.seglift.scoring.segments;

import io.seglift.config.AuditConfig;
import io.seglift.config.ModelConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.scoring.rfm.RfmScorer;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileViewTest {
    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    private DuckDbWarehouse w;
    private ProjectConfig project;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE customers (cust_id INTEGER, email VARCHAR, phone VARCHAR, email_ok BOOLEAN,"
                + " sms_ok BOOLEAN, dnd BOOLEAN, tier VARCHAR)");
        w.execute("INSERT INTO customers VALUES (1, NULL, NULL, TRUE, FALSE, FALSE, 'gold'), (2, NULL, NULL, TRUE, FALSE, FALSE, 'silver')");
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
        w.execute("INSERT INTO orders VALUES ('1', 1, '2024-02-01 10:00', 10, 'ok')");
        new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), Clock.systemUTC()).score(D1);
        w.execute("INSERT INTO seglift.models (model_id, name, kind, trained_at) VALUES"
                + " ('zz-old', 'churn_90d', 'churn', TIMESTAMP '2024-01-01'), ('aa-new', 'churn_90d', 'churn', TIMESTAMP '2024-02-01')");
        w.execute("INSERT INTO seglift.model_scores (model_id, model_name, as_of, customer_key, score, decile) VALUES"
                + " ('zz-old', 'churn_90d', DATE '2024-03-01', '1', 0.1, 1), ('aa-new', 'churn_90d', DATE '2024-03-01', '1', 0.9, 10),"
                + " ('aa-new', 'churn_90d', DATE '2024-02-01', '2', 0.5, 5)");
        ProjectConfig base = Fixtures.project(List.of());
        ModelConfig churn = new ModelConfig("churn_90d", new ModelConfig.Target(ModelConfig.Target.Kind.CHURN, 90,
                Optional.empty()), List.of("rfm"), Map.of(), Map.of());
        project = new ProjectConfig(base.project(), base.file(), base.warehouse(), base.sources(),
                new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), Map.of("churn_90d", churn)), Map.of(),
                Map.of(), List.of());
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void oneRowPerCustomerWithRfmAndTheLatestTrainedModelForThatDate() {
        List<String> rows = w.queryList("SELECT " + ProfileView.KEY + ", tier, frequency, rfm_segment, churn_90d, churn_90d_decile FROM ("
                + ProfileView.sql(project, w.dialect(), D1) + ") p ORDER BY 1", List.of(), r -> r.string(ProfileView.KEY)
                + " " + r.string("tier") + " " + r.longValue("frequency") + " " + r.string("rfm_segment") + " "
                + r.doubleValue("churn_90d") + " " + r.longValue("churn_90d_decile"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("1 gold 1 ").endsWith(" 0.9 10");
        assertThat(rows.get(1)).isEqualTo("2 silver null null null null");
    }
}
